// Preloaded with `node --require` into a process a benchmark measures from outside (the real CLI): when the process
// exits it writes its peak resident memory, in KB, to the file BENCH_PEAK_RSS_FILE names.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_PEAK_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
