/**
 * runAction's peak RSS is the action's own: the benchmark's figures rest on it. On Linux a child's
 * resourceUsage().maxRSS keeps, across exec, the RSS it had as a fork of the parent, so a large parent
 * (the benchmark's stand-in holds millions of partitions) would be reported as the action's peak.
 */
import { join } from 'node:path'
import { compileCacheEnv, runAction } from '../../stand-in/run-action.js'

describe('runAction', () => {
  it("reports the action process's own peak RSS, not its parent's at the fork", async () => {
    // 400 MB resident in this process (written, so its pages are really there).
    const ballast = Buffer.alloc(400 * 2 ** 20, 1)
    const run = await runAction({ inputs: {}, env: {} })
    expect(ballast[ballast.length - 1]).toBe(1)
    // The action without inputs fails at once, naming the missing input: a small process.
    expect(run.exitCode).toBe(1)
    expect(run.peakRssBytes).toBeGreaterThan(20 * 2 ** 20)
    expect(run.peakRssBytes).toBeLessThan(300 * 2 ** 20)
  })

  it("passes on the user's compile cache settings, a relative folder made absolute (not one per workspace)", () => {
    const saved = { ...process.env }
    try {
      process.env.NODE_COMPILE_CACHE = 'relative-cache'
      process.env.NODE_DISABLE_COMPILE_CACHE = '1'
      const env = compileCacheEnv()
      expect(env).toEqual({
        NODE_COMPILE_CACHE: join(process.cwd(), 'relative-cache'),
        NODE_DISABLE_COMPILE_CACHE: '1'
      })
      delete process.env.NODE_COMPILE_CACHE
      delete process.env.NODE_DISABLE_COMPILE_CACHE
      expect(compileCacheEnv()).toEqual({})
    } finally {
      process.env = saved
    }
  })
})
