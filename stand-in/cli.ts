/**
 * `npm run stand-in`: runs the stand-in until interrupted and prints how to point a shell at it.
 * Options: --port N (default: a free port).
 */
import { parseArgs } from 'node:util'
import { startStandIn } from './index.js'

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } })
const standIn = await startStandIn({ port: Number(values.port) })
console.log(`stand-in endpoint: ${standIn.endpoint}`)
console.log('environment for a client (export these):')
for (const [name, value] of Object.entries(standIn.env())) console.log(`  ${name}=${value}`)
console.log(`call counters: GET ${standIn.endpoint}/_stand-in/calls; Ctrl-C stops it`)
const stop = (): void => {
  void standIn.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
