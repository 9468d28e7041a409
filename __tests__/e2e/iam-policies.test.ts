/**
 * End to end under the documented policies: every command and path the README documents runs the
 * bundle through GitHub OIDC with `role-to-assume` a role the stand-in made from iam/<command>/
 * (trust.json and permissions.json, example account 111122223333), and passes with nothing denied.
 */
import {
  DOCUMENTED_PATHS,
  documentedPermissions,
  expectSuccess,
  type DocumentedPath
} from '../helpers/documented-paths.js'

describe('the documented policies let every documented path through', () => {
  it.concurrent.each(DOCUMENTED_PATHS.map((path) => [path.name, path] as const))(
    '%s',
    async (_name, path: DocumentedPath) => {
      const result = await path.run(documentedPermissions(path))
      try {
        for (const run of result.runs) expectSuccess(run)
        expect(result.standIn.iam.denials).toEqual([])
        // Every AWS call was signed with a session of the role, none with the ambient key.
        const signers = new Set(
          [...result.standIn.server.signers.entries()]
            .filter(([operation]) => !operation.startsWith('STS.') && !operation.startsWith('OIDC.'))
            .flatMap(([, keys]) => [...keys])
        )
        expect(signers.size).toBeGreaterThan(0)
        for (const key of signers) expect(result.standIn.sts.isIssued(key)).toBe(true)
        await path.verify(result)
      } finally {
        await result.close()
      }
    }
  )
})
