/**
 * A harness in its own process, for library.spec.ts to SIGKILL mid-import (the in-process `app`
 * fixture cannot be killed). Prints `URL <url>` when ready.
 * Usage: node --import tsx tests/e2e/library-server.ts <userDataDir>
 */
import { launchHarness } from './fixtures'

const harness = await launchHarness(process.argv[2] as string)
process.stdout.write(`URL ${harness.url}\n`)
