// The part of fontkit (pdfkit's font engine, which ships no types) that platform/pdf.ts uses.
declare module 'fontkit' {
  /** A face of a font file; for a collection (.ttc), the face with the given PostScript name. */
  export function create(data: Uint8Array, postscriptName?: string): object;
}
