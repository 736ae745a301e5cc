'use strict'
// Preloaded (`node --require`) into the processes the CLI bench times: at exit it writes
// the process's own CPU time, user + system in microseconds from getrusage()
// (process.resourceUsage(), https://nodejs.org/api/process.html#processresourceusage), to
// file descriptor 3, which the bench opens as a pipe. /usr/bin/time reports the same
// rusage in 10 ms steps, too coarse for processes that use 30–90 ms. Teardown after the
// 'exit' event is left out, on both sides of the comparison alike.
process.on('exit', () => {
  const usage = process.resourceUsage()
  require('node:fs').writeSync(3, `${usage.userCPUTime + usage.systemCPUTime}\n`)
})
