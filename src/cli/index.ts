#!/usr/bin/env node
import { stopRunsOnSignals } from '../signals.js'
import { runCli } from './main.js'

stopRunsOnSignals(message => process.stderr.write(`error: ${message}\n`))
void runCli()
