// Express under node:cluster: the primary forks the workers and shares the port among them.
// WEB_CONCURRENCY (set by the harness) gives the worker count; by hand, one per core.
import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'

if (cluster.isPrimary) {
  const workers = Number(process.env.WEB_CONCURRENCY) || availableParallelism()
  for (let i = 0; i < workers; i++) cluster.fork()
} else {
  await import('./express.js')
}
