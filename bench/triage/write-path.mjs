// What writing `baton triage`'s output costs, three ways, over the records of an output file it
// wrote (`node bench/triage/write-path.mjs OUT.jsonl`): serialising only; serialising into 64 KB
// strings turned to bytes by the stream (`Buffer.from`, what the CLI did until wave 8); serialising
// each line into a byte buffer of our own with `buffer.write` (src/adapters/triage/line-writer.ts).
// Prints CPU seconds of each, in the same process, twice in alternating order.
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/triage/write-path.mjs TRIAGE_OUTPUT.jsonl');
const records = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line));

const cpu = (run) => {
  const before = process.cpuUsage();
  const bytes = run();
  const used = process.cpuUsage(before);
  return { seconds: (used.user + used.system) / 1e6, bytes };
};

const ways = {
  'serialise only': () => records.reduce((sum, record) => sum + JSON.stringify(record).length, 0),
  '64 KB strings, Buffer.from': () => {
    let buffer = '';
    let bytes = 0;
    for (const record of records) {
      buffer += `${JSON.stringify(record)}\n`;
      if (buffer.length > 1 << 16) {
        bytes += Buffer.from(buffer, 'utf8').length;
        buffer = '';
      }
    }
    return bytes + Buffer.from(buffer, 'utf8').length;
  },
  '1 MB byte buffers, buffer.write': () => {
    let chunk = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    let bytes = 0;
    for (const record of records) {
      const line = JSON.stringify(record);
      if (used + line.length * 3 + 1 > chunk.length) {
        bytes += used;
        chunk = Buffer.allocUnsafe(1 << 20);
        used = 0;
      }
      used += chunk.write(line, used, 'utf8');
      chunk[used++] = 0x0a;
    }
    return bytes + used;
  },
};

for (const round of [1, 2]) {
  const names = round === 1 ? Object.keys(ways) : Object.keys(ways).reverse();
  for (const name of names) {
    const { seconds, bytes } = cpu(ways[name]);
    console.log(
      `round ${round}  ${name.padEnd(32)} ${seconds.toFixed(3)} s CPU  ${bytes} ${name === 'serialise only' ? 'characters' : 'bytes'}`,
    );
  }
}
