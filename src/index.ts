import * as core from '@actions/core'
import { run } from './main.js'
import { stopRunsOnSignals } from './signals.js'

stopRunsOnSignals(message => core.setFailed(message))
await run()
