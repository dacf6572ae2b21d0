import { connect } from 'node:net';

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/**
 * Scans bytes with clamd's INSTREAM command over TCP: "zINSTREAM\0", then chunks each prefixed by its length
 * (4 bytes, big-endian), then a zero length; clamd answers "stream: OK" or "stream: <name> FOUND". Anything
 * else (an error, a size-limit reply, a timeout) throws, and the job retries: the file stays in quarantine.
 */
export function scanWithClamd(address: string, bytes: Buffer, timeoutMs = 60_000): Promise<ScanVerdict> {
  const separator = address.lastIndexOf(':');
  const host = address.slice(0, separator);
  const port = Number(address.slice(separator + 1));
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const replies: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`clamd at ${address} did not answer in time`)));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => replies.push(chunk));
    socket.on('close', () => {
      const reply = Buffer.concat(replies).toString('utf8').replace(/\0/g, '').trim();
      if (/^stream: OK$/.test(reply)) resolve({ clean: true });
      else if (/^stream: .+ FOUND$/.test(reply)) resolve({ clean: false, signature: reply.slice('stream: '.length, -' FOUND'.length) });
      else reject(new Error(`clamd answered ${JSON.stringify(reply.slice(0, 200))}`));
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      const chunkSize = 64 * 1024;
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        const chunk = bytes.subarray(offset, offset + chunkSize);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.length);
        socket.write(length);
        socket.write(chunk);
      }
      socket.end(Buffer.alloc(4));
    });
  });
}
