// PGlite has no cross-process lock: two processes opening one data folder would corrupt it. We hold a lock file
// with our PID; a second process refuses, and a lock left by a dead process is taken over.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string, readonly holderPid: number) {
    super(`数据目录 ${dataDir} 正被另一个 OneWindow 进程（PID ${holderPid}）使用。请先停止该进程，或用 DATA_DIR 指定其他目录。`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Folders this process holds now. A lock file with our own PID is ours only if it is listed here: otherwise it was left
 * by an earlier process that had the same PID (common in containers, where the server is always PID 1) and is stale.
 */
const heldByThisProcess = new Set<string>();

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'onewindow.lock');
  const key = fs.realpathSync(dataDir);
  if (heldByThisProcess.has(key)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldByThisProcess.add(key);
      return () => {
        heldByThisProcess.delete(key);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holderPid) && holderPid > 0 && holderPid !== process.pid && isAlive(holderPid)) {
        throw new DataDirLockedError(dataDir, holderPid);
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`无法获取数据目录锁 ${lockPath}`);
}
