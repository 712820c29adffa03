// webvtt-parser (the W3C's reference validator) ships no types; this is the part Carecast uses.
// It is CommonJS assigned inside an IIFE, so ESM code reaches it through the default export.
declare module 'webvtt-parser' {
  export type WebVTTError = { message: string; line: number; col?: number }
  export type WebVTTCue = { id: string; startTime: number; endTime: number; text: string }
  class WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): { cues: WebVTTCue[]; errors: WebVTTError[]; styles: unknown[] }
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser }
  export default webvtt
}
