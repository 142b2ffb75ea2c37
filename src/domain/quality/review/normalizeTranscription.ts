/**
 * What transcriptions are compared on: NFC, trimmed, runs of white space as one space (the same rule as
 * `textConsensus`' default). Case and punctuation stay: in a transcription they are part of the work.
 */
export function normalizeTranscription(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}
