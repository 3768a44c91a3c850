// Shapes of the hall API (packages/server/src/modules/hall) and the case documents API.
import type { WorklistRow } from '../../cases/types.ts';

export interface SignedInWindow {
  id: string;
  number: string;
  name: string;
  kind: 'comprehensive' | 'domain';
  domains: { code: string; name: string }[];
  signedInAt: string;
  hall: { id: string; name: string; regionCode: string };
}

export interface WindowChoice {
  id: string;
  number: string;
  name: string;
  kind: 'comprehensive' | 'domain';
  hall: { id: string; name: string };
  occupant: { name: string; isMe: boolean } | null;
}

export interface DeskCounts {
  received: number;
  accepted: number;
  corrected: number;
  correctionRequested: number;
  refused: number;
  delivered: number;
  averageHandlingSeconds: number | null;
}

export interface DeskView {
  window: SignedInWindow | null;
  desk: { counts: DeskCounts; intakeToday: WorklistRow[]; awaitingCorrection: WorklistRow[]; readyForPickup: WorklistRow[] } | null;
}

export type { CaseDocument } from '../../cases/types.ts';
