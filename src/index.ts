// The entry GitHub runs (through the bundle in dist/): everything else is in main.ts.
import { run } from './main.js'

await run()
