// Runs once before the browser specs: they test the built web app the server serves, and build nothing themselves.
import fs from 'node:fs';
import path from 'node:path';

const WEB = path.resolve(import.meta.dirname, '..');
const WEB_DIST = path.join(WEB, 'dist');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) throw new Error(`${index} is missing: run npm run build -w @onewindow/web first`);
  // A stale build is allowed (CI builds first) but worth a word: the specs would test older pages than the source.
  if (newestChange(path.join(WEB, 'src')) > fs.statSync(index).mtimeMs) {
    console.warn('注意：packages/web/src 在上次构建之后有改动，浏览器测试使用的是旧的构建（npm run build -w @onewindow/web）');
  }
}
