import { isolatedParts } from '../../lib/isolate';

/** A message with `isolate`d names: each name in a <bdi>, so it cannot reorder the sentence. */
export function IsolatedText({ text }: { text: string }) {
  return (
    <>
      {isolatedParts(text).map((part, index) =>
        part.isolated ? <bdi key={index}>{part.text}</bdi> : part.text,
      )}
    </>
  );
}
