import { once } from 'node:events';

/** Everything a child's stream wrote so far, all of it once it ends, and a wait for a pattern in it. */
export function output(stream: NodeJS.ReadableStream) {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  const ended = once(stream, 'end');
  return {
    sofar: () => text,
    text: async () => {
      await ended;
      return text;
    },
    waitFor: (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match) resolve(match);
        };
        stream.on('data', check);
        stream.once('end', () => reject(new Error(`ended without ${pattern}: ${text}`)));
        check();
      }),
  };
}
