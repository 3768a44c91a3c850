import { useState } from 'react';
import { useProblemHandler } from '../../shared/errors.ts';

/**
 * Enables or disables one row at a time: `apply` does the request (and any message and reload); `toggling` is the
 * key of the row in flight, and a failure is shown by the usual problem handler.
 */
export function useActiveToggle<Row>(key: (row: Row) => string, apply: (row: Row, active: boolean) => Promise<void>) {
  const handleProblem = useProblemHandler();
  const [toggling, setToggling] = useState<string>();

  async function setActive(row: Row, active: boolean) {
    setToggling(key(row));
    try {
      await apply(row, active);
    } catch (error) {
      handleProblem(error);
    } finally {
      setToggling(undefined);
    }
  }

  return { isToggling: (row: Row) => toggling === key(row), setActive };
}
