// Uploading one file through the shared client, and saying why the server refused one in a single line.
import { ApiError } from '../../shared/api.ts';

/** 415/413/400 answers name the file's actual type or size in their field error; the title alone is too vague. */
export function describeUploadProblem(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status === 0) return null;
  const details = error.errors.map((problem) => problem.message).filter((message) => message !== error.title);
  return details.length > 0 ? `${error.title}：${details.join('；')}` : (error.detail ?? error.title);
}

/** Opens the browser's file chooser; resolves with the chosen file, or null when the user cancels. */
export function chooseFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
