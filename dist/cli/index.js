#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/engine/process-table.ts


/** Parses /proc/PID/stat; the name sits in parentheses and may hold spaces and parentheses. */
function parseStatLine(pid, stat) {
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
        pid,
        ppid: Number(fields[1]),
        pgid: Number(fields[2]),
        state: fields[0],
        name: stat.slice(open + 1, close)
    };
}
/** True when the NUL-separated environment block holds exactly `name=value`. */
function environHas(environ, name, value) {
    return environ.split('\0').includes(`${name}=${value}`);
}
function numericEntries(root) {
    return (0,external_node_fs_namespaceObject.readdirSync)(root).filter(entry => /^\d+$/.test(entry));
}
function createProcessTable(root = '/proc') {
    return {
        list() {
            const entries = [];
            for (const entry of numericEntries(root)) {
                try {
                    entries.push(parseStatLine(Number(entry), (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, entry, 'stat'), 'latin1')));
                }
                catch {
                    // exited while we listed
                }
            }
            return entries;
        },
        withEnv(name, value) {
            const found = [];
            for (const entry of numericEntries(root)) {
                let environ;
                try {
                    environ = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, entry, 'environ'), 'latin1');
                }
                catch {
                    continue; // exited, or another user's process
                }
                if (environHas(environ, name, value))
                    found.push(Number(entry));
            }
            return found;
        }
    };
}
/** `root` and every process below it, nearest first, from one snapshot; empty when `root` is gone. */
function subtree(entries, root) {
    const childrenOf = new Map();
    for (const entry of entries) {
        const siblings = childrenOf.get(entry.ppid) ?? [];
        siblings.push(entry);
        childrenOf.set(entry.ppid, siblings);
    }
    const self = entries.find(e => e.pid === root);
    const found = [];
    const queue = self ? [self] : [];
    while (queue.length > 0) {
        const next = queue.shift();
        found.push(next);
        queue.push(...(childrenOf.get(next.pid) ?? []));
    }
    return found;
}

;// CONCATENATED MODULE: ./src/engine/live-runs.ts

/**
 * Every process a run starts inherits this variable with the run's own value, so a process that
 * left the run's process group (`os.setsid()`, a double fork) is still found in /proc/PID/environ.
 */
const RUN_MARKER = 'PREFORK_MEMORY_CHECK_RUN';
/** Pids of the processes whose environment holds the marker; zombies and others' processes have none to read. */
function markedProcesses(marker, table = createProcessTable()) {
    return table.withEnv(RUN_MARKER, marker);
}
function sigkill(pid) {
    try {
        process.kill(pid, 'SIGKILL');
    }
    catch {
        // ESRCH: already gone.
    }
}
/** One SIGKILL to the run's group and to every marked process; synchronous, so signal handlers can use it. */
function killRunNow(run, table = createProcessTable()) {
    sigkill(-run.group);
    const marked = markedProcesses(run.marker, table);
    for (const pid of marked)
        sigkill(pid);
    return marked;
}
const POLL_MS = 20;
/** SIGKILLs the run until the process table shows none of its processes, or `waitMs` runs out. */
async function killRun(run, waitMs, table = createProcessTable()) {
    sigkill(-run.group);
    const marked = new Set(markedProcesses(run.marker, table));
    const escaped = table
        .list()
        .filter(e => marked.has(e.pid) && e.pgid !== run.group)
        .map(e => e.pid);
    const deadline = Date.now() + waitMs;
    for (;;) {
        const left = killRunNow(run, table);
        if (left.length === 0 || Date.now() >= deadline)
            return { escaped, survivors: left };
        await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
}
const live = new Set();
/** Registers a run until the returned function is called, so a signal handler can stop it. */
function trackRun(run) {
    live.add(run);
    return () => void live.delete(run);
}
/** Kills every run in progress, for a process about to exit; returns how many there were. */
function killLiveRuns() {
    const count = live.size;
    for (const run of live)
        killRunNow(run);
    live.clear();
    return count;
}

;// CONCATENATED MODULE: ./src/signals.ts


/**
 * On SIGINT or SIGTERM (Ctrl-C, a cancelled workflow), kills every run in progress, then exits as
 * the signal would have: each run has a process group of its own, which the signal does not reach.
 * Installed by the entry points only; the engine never takes over a process's signals.
 */
function stopRunsOnSignals(report) {
    for (const signal of ['SIGINT', 'SIGTERM']) {
        process.once(signal, () => {
            const stopped = killLiveRuns();
            report(`Stopped by ${signal}` + (stopped > 0 ? ', after killing the run in progress.' : '.'));
            process.exit(128 + external_node_os_namespaceObject.constants.signals[signal]);
        });
    }
}

;// CONCATENATED MODULE: ./src/constants.ts
/** Input and output names: the action's public contract, also the CLI's flag names. */
const constants_Inputs = {
    Entrypoint: 'entrypoint',
    Worker: 'worker',
    Iterations: 'iterations',
    Command: 'command',
    ReadyUrl: 'ready-url',
    ReadyLog: 'ready-log',
    LoadCommand: 'load-command',
    LoadDuration: 'load-duration',
    SampleInterval: 'sample-interval',
    Workers: 'workers',
    Strategies: 'strategies',
    Repeat: 'repeat',
    Python: 'python',
    WorkingDirectory: 'working-directory',
    Timeout: 'timeout',
    GateStrategy: 'gate-strategy',
    MaxUss: 'max-uss',
    MaxPss: 'max-pss',
    MinFreezeSaving: 'min-freeze-saving',
    MaxUssIncrease: 'max-uss-increase',
    MaxPssIncrease: 'max-pss-increase',
    CompareBase: 'compare-base',
    Baseline: 'baseline',
    Label: 'label',
    Mode: 'mode',
    ResultsGlob: 'results-glob',
    FailOnThreshold: 'fail-on-threshold',
    Comment: 'comment',
    CommentKey: 'comment-key',
    GithubToken: 'github-token'
};
const Outputs = {
    Results: 'results',
    Report: 'report',
    CommentBody: 'comment-body',
    Verdict: 'verdict',
    /** Suffixed with the strategy name: `uss-freeze`. */
    UssPrefix: 'uss-',
    FreezeSaving: 'freeze-saving',
    UssIncrease: 'uss-increase',
    BaseSha: 'base-sha',
    CommentUrl: 'comment-url'
};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/engine/environment.ts



const THP_SETTING = '/sys/kernel/mm/transparent_hugepage/enabled';
/** The bracketed choice of `always [madvise] never`, or "unknown". */
function parseTransparentHugepages(text) {
    return /\[([^\]]+)\]/.exec(text ?? '')?.[1] ?? 'unknown';
}
function runnerName(env) {
    if (env.GITHUB_ACTIONS !== 'true')
        return 'local';
    return `github-actions (${env.ImageOS || 'unknown image'}, ${env.RUNNER_ARCH || 'unknown arch'})`;
}
function buildEnvironment(python, sources) {
    return {
        python: {
            executable: python.executable,
            version: python.version,
            implementation: python.implementation,
            freeThreaded: python.freeThreaded,
            incrementalGc: python.incrementalGc
        },
        kernel: sources.kernel,
        pageSize: python.pageSize,
        transparentHugepages: parseTransparentHugepages(sources.thp),
        cpus: sources.cpus,
        runner: runnerName(sources.env),
        // The measured tree's own HEAD: a custom `ref:`, a second checkout or a worktree differs from
        // the commit the workflow ran for. GITHUB_SHA only stands in outside a repository.
        gitSha: sources.gitHead ?? (sources.env.GITHUB_SHA || null),
        timestamp: sources.now.toISOString()
    };
}
function readOrNull(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch {
        return null;
    }
}
function gitHead(workingDirectory) {
    try {
        const sha = (0,external_node_child_process_namespaceObject.execFileSync)('git', ['rev-parse', 'HEAD'], {
            cwd: workingDirectory,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 10_000
        }).trim();
        return /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
    }
    catch {
        return null; // not a repository, no commits yet, or no git
    }
}
function readEnvironmentSources(workingDirectory) {
    return {
        env: process.env,
        kernel: (0,external_node_os_namespaceObject.release)(),
        thp: readOrNull(THP_SETTING),
        cpus: (0,external_node_os_namespaceObject.availableParallelism)(),
        gitHead: gitHead(workingDirectory),
        now: new Date()
    };
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/engine/target-env.ts

/**
 * Variables the runner gives a node action but not a `run:` step: the job's runtime, cache and
 * results service credentials and, with `id-token: write`, the OIDC token request. The target is
 * user code, so it gets no more than a `run:` step would.
 */
const RUNNER_SECRETS = new Set([
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL'
]);
/**
 * The environment the user's target runs with: the caller's, less the action's own inputs (the
 * runner passes them as INPUT_* variables, `github-token` among them) and the runner's service
 * credentials, plus the run's marker.
 */
function targetEnv(base, marker) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (!name.startsWith('INPUT_') && !RUNNER_SECRETS.has(name))
            env[name] = value;
    }
    env[RUN_MARKER] = marker;
    return env;
}

;// CONCATENATED MODULE: ./src/engine/command/hook.ts





/** Read by sitecustomize.py; the names are its contract with this module. */
const HookEnv = {
    Strategy: 'PREFORK_MEMORY_CHECK_STRATEGY',
    Evidence: 'PREFORK_MEMORY_CHECK_EVIDENCE',
    /** The run's marker, as entrypoint mode sets it: found again in /proc/PID/environ. */
    Run: RUN_MARKER,
    /** Given to the load command when a ready URL is set. */
    ReadyUrl: 'PREFORK_MEMORY_CHECK_READY_URL'
};
const HOOK_FILE = 'sitecustomize.py';
/** Where the hook's folder sits relative to this module: bundle root, CLI bundle, source tree. */
const CANDIDATES = ['hook', '../hook', '../../harness/hook'];
/** The folder holding only sitecustomize.py, shipped beside the running code; `moduleUrl` is for tests. */
function resolveHookDirectory(moduleUrl = import.meta.url) {
    const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    const tried = CANDIDATES.map(candidate => (0,external_node_path_namespaceObject.join)(here, candidate));
    const found = tried.find(path => (0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(path, HOOK_FILE)));
    if (found === undefined) {
        throw new Error(`The strategy hook is missing: none of ${tried.map(t => (0,external_node_path_namespaceObject.join)(t, HOOK_FILE)).join(', ')} ` +
            'exists. Rebuild with `npm run bundle`, which copies src/harness/hook/ into dist/hook/.');
    }
    return found;
}
/** The server's environment: the target's (no action inputs, the run's marker), the hook first on PYTHONPATH. */
function serverEnv(base, options) {
    const existing = base.PYTHONPATH;
    return {
        ...targetEnv(base, options.runId),
        PYTHONPATH: existing
            ? `${options.hookDirectory}${external_node_path_namespaceObject.delimiter}${existing}`
            : options.hookDirectory,
        [HookEnv.Strategy]: options.strategy,
        [HookEnv.Evidence]: options.evidenceFile
    };
}
/** The load command's environment: no hook (its own forks are not measured), the run's marker. */
function loadEnv(base, runId, readyUrl) {
    const env = targetEnv(base, runId);
    delete env[HookEnv.Strategy];
    delete env[HookEnv.Evidence];
    if (readyUrl !== null)
        env[HookEnv.ReadyUrl] = readyUrl;
    return env;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/engine/procfs.ts


class ProcessGoneError extends Error {
    pid;
    constructor(pid) {
        super(`process ${pid} exited before it could be measured`);
        this.pid = pid;
        this.name = 'ProcessGoneError';
    }
}
const KB = 1024;
/** Sums the `Key:   N kB` lines of smaps or smaps_rollup, in bytes per key. */
function parseSmaps(text) {
    const totals = new Map();
    const line = /^([A-Za-z_]+):\s+(\d+) kB$/gm;
    for (let m = line.exec(text); m !== null; m = line.exec(text)) {
        totals.set(m[1], (totals.get(m[1]) ?? 0) + Number(m[2]) * KB);
    }
    return totals;
}
/** Minor faults: field 10 of /proc/PID/stat, counted after the parenthesised command name. */
function parseMinorFaults(stat) {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[7]);
}
/** State: field 3 of /proc/PID/stat. */
function parseState(stat) {
    return stat.charAt(stat.lastIndexOf(')') + 2);
}
function toSample(pid, totals, minorFaults, source) {
    const get = (key) => totals.get(key) ?? 0;
    return {
        pid,
        rss: get('Rss'),
        pss: get('Pss'),
        uss: get('Private_Clean') + get('Private_Dirty') + get('Private_Hugetlb'),
        sharedClean: get('Shared_Clean'),
        sharedDirty: get('Shared_Dirty'),
        anonymous: get('Anonymous'),
        swap: get('Swap'),
        minorFaults,
        source
    };
}
function errorCode(error) {
    return error.code;
}
function createProcReader(root = '/proc', options = {}) {
    const rollup = options.rollup ?? true;
    const readStat = (pid) => {
        try {
            return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, String(pid), 'stat'), 'latin1');
        }
        catch (error) {
            if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ESRCH')
                throw new ProcessGoneError(pid);
            throw error;
        }
    };
    const readMemory = (pid) => {
        try {
            if (rollup) {
                return {
                    text: (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, String(pid), 'smaps_rollup'), 'latin1'),
                    source: 'smaps_rollup'
                };
            }
        }
        catch (error) {
            // Kernels before 4.14 have no rollup; some sandboxes hide it. Summing smaps gives the same figures.
            if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ESRCH')
                throw error;
        }
        try {
            return { text: (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, String(pid), 'smaps'), 'latin1'), source: 'smaps' };
        }
        catch (error) {
            if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ESRCH')
                throw new ProcessGoneError(pid);
            throw error;
        }
    };
    return {
        sample(pid) {
            const { text, source } = readMemory(pid);
            const stat = readStat(pid);
            // A process that exited between the two reads leaves an empty rollup: that is no sample.
            if (text.length === 0)
                throw new ProcessGoneError(pid);
            return toSample(pid, parseSmaps(text), parseMinorFaults(stat), source);
        },
        state(pid) {
            return parseState(readStat(pid));
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/run-failure.ts
/** How many lines of the target's output a failure message quotes. */
const ERROR_TAIL_LINES = 20;
/** Why a run stopped; the target's output is added to the message once everything is gone. */
class RunFailure extends Error {
    /** The load command's output explains this one. */
    loadFailed;
    /** A Python traceback from the target, quoted before its output. */
    traceback;
    constructor(reason, details = {}) {
        super(reason);
        this.name = 'RunFailure';
        this.loadFailed = details.loadFailed ?? false;
        this.traceback = details.traceback;
    }
}
/** The last bytes a process wrote to stdout and stderr, interleaved as they arrived. */
class OutputTail {
    limit;
    chunks = [];
    kept = 0;
    /** Bytes received in all. */
    total = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.kept += chunk.length;
        this.total += chunk.length;
        while (this.kept - this.chunks[0].length >= this.limit) {
            this.kept -= this.chunks.shift().length;
        }
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
    /** The last `count` lines, without the trailing newline. */
    lastLines(count) {
        return this.text().trimEnd().split('\n').slice(-count).join('\n');
    }
    /** Bytes no longer kept. */
    get dropped() {
        return Math.max(0, this.total - this.limit);
    }
}
/** "Last output of the command: …", or that `title` printed nothing. */
function describeOutput(title, output) {
    if (output.total === 0)
        return `${title[0].toUpperCase()}${title.slice(1)} printed nothing.`;
    return `Last output of ${title}:\n${output.lastLines(ERROR_TAIL_LINES)}`;
}
/**
 * The failure as one message: the reason as a sentence, the traceback, then `details` (the
 * outputs, in the order that explains the failure). The caller names the run before this.
 */
function failureMessage(failure, details) {
    const reason = failure.message;
    const parts = [`${reason[0].toUpperCase()}${reason.slice(1)}.`];
    if (failure.traceback)
        parts.push(failure.traceback.trimEnd());
    return [...parts, ...details].join('\n');
}
/** Puts everything kept of `title`'s output into the log, saying when its start was dropped. */
function logOutput(log, title, output) {
    if (output.total === 0)
        return;
    const header = output.dropped > 0
        ? `Output of ${title} (the last ${output.limit} of ${output.total} bytes):`
        : `Output of ${title}:`;
    log.info(`${header}\n${output.text().trimEnd()}`);
}
/** "2s", "0.6s", "1.5s": durations in the log and in messages. */
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))}s`;
}
/** "12.3 MiB": sizes in the log and in messages. */
function mib(bytes) {
    return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

;// CONCATENATED MODULE: ./src/engine/command/evidence.ts
function toRecord(raw) {
    if (typeof raw.pid !== 'number' || typeof raw.ppid !== 'number')
        return null;
    const gc = {
        freezeCount: Number(raw.freezeCount),
        enabled: raw.enabled === true,
        collections: Array.isArray(raw.collections) ? raw.collections.map(Number) : []
    };
    if (raw.event === 'fork')
        return { event: 'fork', pid: raw.pid, ppid: raw.ppid, gc };
    if (raw.event !== 'start')
        return null;
    return {
        event: 'start',
        pid: raw.pid,
        ppid: raw.ppid,
        strategy: String(raw.strategy),
        executable: String(raw.executable),
        version: Array.isArray(raw.version) ? raw.version.map(Number) : [],
        implementation: String(raw.implementation),
        freeThreaded: raw.freeThreaded === true,
        gc
    };
}
/** The records of an evidence file, in the order written; lines it cannot read are skipped. */
function parseEvidence(text) {
    const records = [];
    for (const line of text.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const record = toRecord(JSON.parse(line));
            if (record !== null)
                records.push(record);
        }
        catch {
            // A line cut short (a full disk) says nothing reliable.
        }
    }
    return records;
}
function pidList(pids) {
    return pids.join(', ');
}
/** Which workers the strategy reached, and a warning for every worker it did not. */
function assessHook(records, master, workerPids, strategy) {
    const forks = new Map();
    for (const record of records) {
        if (record.event === 'fork' && record.ppid === master.pid)
            forks.set(record.pid, record.gc);
    }
    const masterStart = records.find((r) => r.event === 'start' && r.pid === master.pid) ?? null;
    const workers = workerPids.map(pid => ({ pid, hookFired: forks.has(pid) }));
    const gc = new Map([...forks].filter(([pid]) => workerPids.includes(pid)));
    const missed = workers.filter(w => !w.hookFired).map(w => w.pid);
    const warnings = [];
    const who = `${master.name} (pid ${master.pid})`;
    const consequence = strategy === 'none'
        ? 'the workers carry no GC evidence.'
        : `strategy '${strategy}' was not applied to them and their figures are the baseline's.`;
    if (missed.length > 0 && missed.length === workers.length && masterStart !== null) {
        warnings.push(`The strategy hook loaded in ${who} but none of its ${workers.length} workers ran the ` +
            "interpreter's fork handlers: the server forks from C (uWSGI does), so " +
            consequence);
    }
    else if (missed.length > 0 && missed.length === workers.length) {
        warnings.push(`The strategy hook never loaded in ${who}: it is not a Python process that reads PYTHONPATH ` +
            '(not Python, started with python -I or -E, or by a wrapper that resets the environment), ' +
            `so ${consequence}`);
    }
    else if (missed.length > 0) {
        warnings.push(`The strategy hook fired in ${workers.length - missed.length} of ${workers.length} workers of ` +
            `${who}; workers ${pidList(missed)} were forked without it, so ${consequence}`);
    }
    // A worker forked after gc.freeze() inherits frozen objects; none means the master never ran
    // the before-fork handler. Free-threaded builds keep no count to tell by.
    const unfrozen = strategy === 'none' || masterStart?.freeThreaded
        ? []
        : workers.filter(w => w.hookFired && gc.get(w.pid)?.freezeCount === 0).map(w => w.pid);
    if (unfrozen.length > 0) {
        warnings.push(`The strategy hook ran in workers ${pidList(unfrozen)} of ${who} after their fork, but ` +
            "never before it: the server runs the interpreter's after-fork handlers only (uWSGI " +
            'does, even with --py-call-osafterfork), so gc.freeze() never ran in the master and ' +
            `strategy '${strategy}' figures are the baseline's.`);
    }
    return { workers, gc, masterStart, warnings };
}

;// CONCATENATED MODULE: ./src/engine/command/shell.ts


/** Starts `command` the way a terminal would: the user's own command line, shell syntax and all. */
function startShell(command, options) {
    const child = (0,external_node_child_process_namespaceObject.spawn)('/bin/sh', ['-c', command], {
        cwd: options.cwd,
        env: options.env,
        // Its own process group, so one signal reaches everything it starts.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
    });
    const output = new OutputTail(options.tailBytes);
    const listeners = [];
    const receive = (chunk) => {
        output.push(chunk);
        for (const listener of listeners)
            listener(chunk);
    };
    child.stdout?.on('data', receive);
    child.stderr?.on('data', receive);
    const shell = {
        pid: child.pid ?? null,
        output,
        exit: null,
        exited: new Promise(resolve => {
            const settle = (exit) => {
                if (shell.exit !== null)
                    return;
                shell.exit = exit;
                resolve(exit);
            };
            // 'exit', not 'close': the workers inherit the pipes and keep them open after the shell ends.
            child.on('exit', (code, signal) => settle({ code, signal, error: null }));
            child.on('error', error => settle({ code: null, signal: null, error }));
        }),
        onOutput: listener => listeners.push(listener),
        release: () => {
            child.stdout?.destroy();
            child.stderr?.destroy();
        }
    };
    return shell;
}
/** "exited with code 3", "was killed by SIGKILL", "could not start: …". */
function describeExit(exit) {
    if (exit.error)
        return `could not start: ${exit.error.message}`;
    if (exit.signal)
        return `was killed by ${exit.signal}`;
    return `exited with code ${exit.code}`;
}

;// CONCATENATED MODULE: ./src/engine/command/stop.ts
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Live processes of the run: in one of its groups, or carrying its marker. Zombies hold nothing. */
function survivors(table, run) {
    const groups = new Set(run.groups);
    const marked = new Set(run.marker ? table.withEnv(run.marker.name, run.marker.value) : []);
    return table
        .list()
        .filter(e => e.state !== 'Z' && (groups.has(e.pgid) || marked.has(e.pid)))
        .map(e => e.pid)
        .filter(pid => pid !== process.pid);
}
function signal(pid, name) {
    try {
        process.kill(pid, name);
    }
    catch {
        // ESRCH: already gone.
    }
}
async function waitUntil(alive, limitMs, pollMs) {
    const deadline = performance.now() + limitMs;
    for (;;) {
        const left = alive();
        if (left.length === 0 || performance.now() >= deadline)
            return left;
        await sleep(pollMs);
    }
}
/**
 * SIGTERM to the leaders alone first: a master shuts its workers down in order, while a signal to
 * the whole group would hit the workers behind its back (Celery's main process then hangs). Then
 * SIGTERM to whatever of the run is left, SIGKILL after the grace period, and a check that nothing
 * survived.
 */
async function stopRun(table, run, options) {
    const leaders = new Set(run.leaders);
    const liveLeaders = () => table
        .list()
        .filter(e => e.state !== 'Z' && leaders.has(e.pid))
        .map(e => e.pid);
    for (const pid of leaders)
        signal(pid, 'SIGTERM');
    await waitUntil(liveLeaders, options.graceMs, options.pollMs);
    const rest = survivors(table, run);
    if (rest.length === 0)
        return { killed: [] };
    for (const pid of rest)
        signal(pid, 'SIGTERM');
    const stubborn = await waitUntil(() => survivors(table, run), options.graceMs, options.pollMs);
    if (stubborn.length === 0)
        return { killed: [] };
    // Killed again on every poll: the group may fork, and a marked process may appear, after the
    // first round; one that was never signalled has not "survived" SIGKILL.
    const killed = new Set(stubborn);
    const killRest = () => {
        for (const group of run.groups)
            signal(-group, 'SIGKILL');
        const rest = survivors(table, run);
        for (const pid of rest) {
            signal(pid, 'SIGKILL');
            killed.add(pid);
        }
        return rest;
    };
    killRest();
    const left = await waitUntil(killRest, options.killWaitMs, options.pollMs);
    if (left.length > 0) {
        const marker = run.marker ? ` (${run.marker.name}=${run.marker.value})` : '';
        throw new Error(`Processes ${left.join(', ')} of this run${marker} survived SIGKILL; stop them by hand.`);
    }
    return { killed: [...killed] };
}

;// CONCATENATED MODULE: ./src/engine/command/load-phase.ts




const load_phase_sleep = (ms) => new Promise(resolve => setTimeout(resolve, Math.max(0, ms)));
/**
 * Runs the load command (if any) while sampling every `intervalMs`, until it exits or the
 * duration is over, stops it if it is still running, and samples once more.
 */
async function runLoadPhase(ready, phase) {
    const ticks = [{ atMs: 0, ...ready }];
    const start = performance.now();
    const load = phase.command === null
        ? null
        : startShell(phase.command, { cwd: phase.cwd, env: phase.env, tailBytes: phase.tailBytes });
    if (load) {
        phase.onStart(load);
        phase.log.info(`Started the load command (pid ${load.pid}): ${phase.command}`);
    }
    const endAt = start + (phase.durationMs ?? (load ? phase.timeoutMs : 0));
    const loadExited = load ? load.exited : new Promise(() => { });
    let due = start + phase.intervalMs;
    for (;;) {
        await Promise.race([load_phase_sleep(Math.min(due, endAt) - performance.now()), loadExited]);
        const now = performance.now();
        if (load?.exit || now >= endAt)
            break;
        ticks.push({ atMs: now - start, ...phase.snapshot('during the load') });
        // A slow sample skips the ticks it overran instead of bunching them up.
        while (due <= performance.now())
            due += phase.intervalMs;
    }
    if (load?.exit) {
        const exit = load.exit;
        if (exit.error || exit.code !== 0) {
            throw new RunFailure(`the load command ${describeExit(exit)}`, { loadFailed: true });
        }
    }
    else if (load) {
        if (phase.durationMs === null) {
            throw new RunFailure(`the load command was still running after ${seconds(phase.timeoutMs)}: set input ` +
                `'${constants_Inputs.LoadDuration}' to stop it after a fixed time, or raise '${constants_Inputs.Timeout}'`, { loadFailed: true });
        }
        phase.log.info(`Stopping the load command after ${seconds(phase.durationMs)}`);
        const shell = load.pid;
        await stopRun(phase.table, { leaders: [shell], groups: [shell], marker: null }, phase.stop);
    }
    const loadMs = performance.now() - start;
    const after = phase.snapshot('at the end of the load');
    ticks.push({ atMs: loadMs, ...after });
    return {
        ticks: ticks.map(tick => ({ ...tick, atMs: Math.round(tick.atMs) })),
        after,
        loadMs: Math.round(loadMs)
    };
}

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/engine/command/output.ts

/** A line longer than this is tested by its end only: a server does not print megabytes unbroken. */
const MAX_PENDING_CHARS = 64 * 1024;
/** Watches output for the first line that matches a pattern, across chunk boundaries. */
class LineWatcher {
    pattern;
    decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    pending = '';
    /** The first matching line, once seen. */
    matched = null;
    constructor(pattern) {
        // Without g or y, test() keeps no position between lines.
        this.pattern = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    }
    push(chunk) {
        if (this.matched !== null)
            return;
        const lines = (this.pending + this.decoder.write(chunk)).split('\n');
        this.pending = lines.pop().slice(-MAX_PENDING_CHARS);
        // The unfinished line too: a server may print its banner without a newline and wait.
        for (const line of [...lines, this.pending]) {
            const text = line.replace(/\r$/, '');
            if (this.pattern.test(text)) {
                this.matched = text;
                return;
            }
        }
    }
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: ./src/engine/command/ready-url.ts


const PROBE_TIMEOUT_MS = 2_000;
const httpProbe = url => new Promise(resolve => {
    const get = url.startsWith('https:') ? external_node_https_namespaceObject.get : external_node_http_namespaceObject.get;
    // No keep-alive agent: a held connection would tie up a synchronous worker.
    const request = get(url, { agent: false, timeout: PROBE_TIMEOUT_MS }, response => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)));
    request.on('error', error => {
        resolve({ ok: false, detail: error.code ?? error.message });
    });
});

;// CONCATENATED MODULE: ./src/engine/command/discovery.ts


/**
 * The forking process and its workers: among the command's live processes, the one with exactly
 * `workers` live children. Python processes come first, then the shallowest, so that a wrapper
 * shell with one child does not pass for the master of a single worker.
 */
function findWorkers(entries, scope, workers) {
    const live = entries.filter(e => e.state !== 'Z');
    const byPid = new Map(live.map(e => [e.pid, e]));
    const members = new Map(subtree(live, scope.root).map(e => [e.pid, e]));
    for (const pid of scope.marked) {
        const entry = byPid.get(pid);
        if (entry)
            members.set(pid, entry);
    }
    const childrenOf = new Map();
    for (const entry of live) {
        if (!members.has(entry.ppid))
            continue;
        childrenOf.set(entry.ppid, [...(childrenOf.get(entry.ppid) ?? []), entry.pid]);
    }
    const depth = (entry) => {
        let count = 0;
        for (let up = members.get(entry.ppid); up; up = members.get(up.ppid))
            count++;
        return count;
    };
    const rank = (entry) => [
        scope.python.has(entry.pid) ? 0 : 1,
        depth(entry),
        entry.pid
    ];
    const ordered = [...members.values()]
        .map(entry => ({ entry, key: rank(entry) }))
        .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
        .map(({ entry }) => entry);
    const master = (entry) => ({ pid: entry.pid, name: entry.name });
    const children = (entry) => childrenOf.get(entry.pid) ?? [];
    const exact = ordered.find(entry => children(entry).length === workers);
    if (exact) {
        return {
            kind: 'found',
            master: master(exact),
            workers: [...children(exact)].sort((a, b) => a - b)
        };
    }
    // Once the interpreter is known, progress is told from it, even before its first fork.
    const pythons = ordered.filter(entry => scope.python.has(entry.pid));
    let best = null;
    for (const entry of pythons.length > 0 ? pythons : ordered) {
        const count = children(entry).length;
        const counts = count > 0 || pythons.length > 0;
        if (counts && (best === null || count > best.count))
            best = { master: master(entry), count };
    }
    return { kind: 'searching', best };
}
/** What discovery has found so far, for a timeout message. */
function describeSearch(discovery, workers) {
    if (discovery.kind === 'found') {
        return `found ${workers} workers under ${discovery.master.name} (pid ${discovery.master.pid})`;
    }
    const { best } = discovery;
    if (best === null)
        return `found 0 of ${workers} workers: none of the command's processes forked`;
    const under = `${best.master.name} (pid ${best.master.pid})`;
    if (best.count > workers) {
        return (`found ${best.count} processes under ${under}, not ${workers}: set input ` +
            `'${constants_Inputs.Workers}' to the number of workers the command starts`);
    }
    return `found ${best.count} of ${workers} workers under ${under}`;
}
/** A worker's USS may move this much between two polls and still count as settled. */
const SETTLE_TOLERANCE = { fraction: 0.02, bytes: 256 * 1024 };
/** Consecutive settled comparisons needed: three polls in a row. */
const SETTLED_COMPARISONS = 2;
/** Tells when the workers' memory has stopped moving after start-up. */
class SettleTracker {
    previous = null;
    stable = 0;
    /** The largest change seen between the last two polls. */
    lastChange = null;
    /** Takes one poll of USS per worker pid; true once settled. */
    observe(uss) {
        const previous = this.previous;
        this.previous = new Map(uss);
        const samePids = uss.size > 0 &&
            previous !== null &&
            previous.size === uss.size &&
            [...uss.keys()].every(pid => previous.has(pid));
        if (!samePids) {
            this.stable = 0;
            this.lastChange = null;
            return false;
        }
        let settled = true;
        this.lastChange = null;
        for (const [pid, now] of uss) {
            const before = previous.get(pid);
            const change = Math.abs(now - before);
            if (this.lastChange === null || change > this.lastChange.bytes) {
                this.lastChange = { pid, bytes: change };
            }
            if (change > Math.max(SETTLE_TOLERANCE.fraction * before, SETTLE_TOLERANCE.bytes)) {
                settled = false;
            }
        }
        this.stable = settled ? this.stable + 1 : 0;
        return this.stable >= SETTLED_COMPARISONS;
    }
}

;// CONCATENATED MODULE: ./src/engine/command/wait-ready.ts




/** How often discovery looks at the process table while waiting for the workers. */
const wait_ready_POLL_MS = 250;
const wait_ready_sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * Polls the process table until the forking process has its workers and the ready condition
 * holds; throws a RunFailure naming what never happened when the command exits or time runs out.
 */
async function waitForWorkers(wait) {
    const { ready, server } = wait;
    const settle = new SettleTracker();
    let lastAnswer = 'no answer yet';
    const isReady = async (workers) => {
        switch (ready.kind) {
            case 'settle': {
                const uss = new Map();
                try {
                    for (const pid of workers)
                        uss.set(pid, wait.proc.sample(pid).uss);
                }
                catch (error) {
                    if (!(error instanceof ProcessGoneError))
                        throw error;
                    uss.clear(); // a worker went away: the tracker starts over with the next set
                }
                return settle.observe(uss);
            }
            case 'url': {
                const answer = await wait.probeUrl(ready.url);
                lastAnswer = answer.detail;
                return answer.ok;
            }
            case 'log':
                return wait.watcher?.matched != null;
        }
    };
    const notReady = (discovery) => {
        const found = describeSearch(discovery, wait.workers);
        if (discovery.kind !== 'found')
            return found;
        switch (ready.kind) {
            case 'url':
                return `${found}, but ${ready.url} never answered 2xx (last: ${lastAnswer})`;
            case 'log':
                return `${found}, but no line of output matched ${String(ready.pattern)}`;
            case 'settle': {
                const change = settle.lastChange;
                const moved = change
                    ? ` (worker ${change.pid} moved ${mib(change.bytes)} between polls)`
                    : '';
                return `${found}, but their memory had not settled${moved}`;
            }
        }
    };
    for (;;) {
        const entries = wait.table.list();
        const marked = wait.table.withEnv(wait.marker.name, wait.marker.value);
        const python = new Set(wait
            .readEvidence()
            .filter(record => record.event === 'start')
            .map(record => record.pid));
        const discovery = findWorkers(entries, { root: wait.root, marked, python }, wait.workers);
        if (discovery.kind === 'found' && (await isReady(discovery.workers)))
            return discovery;
        const markedSet = new Set(marked);
        const alive = entries.some(e => e.state !== 'Z' && (e.pgid === wait.root || markedSet.has(e.pid)));
        if (server.exit !== null && !alive) {
            throw new RunFailure(`the command ${describeExit(server.exit)} before its workers were ready`);
        }
        if (performance.now() >= wait.deadline) {
            throw new RunFailure(`timed out after ${seconds(wait.timeoutMs)}: ${notReady(discovery)}`);
        }
        await wait_ready_sleep(wait_ready_POLL_MS);
    }
}

;// CONCATENATED MODULE: ./src/engine/command/run.ts















/** The commands' output kept for the log and for error messages; older bytes are dropped. */
const OUTPUT_TAIL_BYTES = 64 * 1024;
/** SIGTERM to SIGKILL, unless the options say otherwise. */
const STOP_GRACE_MS = 10_000;
const KILL_WAIT_MS = 5_000;
const STOP_POLL_MS = 100;
function readEvidence(path) {
    try {
        return parseEvidence((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
    }
    catch {
        return []; // nothing written yet
    }
}
/**
 * Starts the user's server under one strategy, waits for its workers, samples them while the
 * load command runs and once after it, then stops every process the run started.
 */
async function runCommand(options, deps) {
    const started = performance.now();
    const runId = deps.runId ?? (0,external_node_crypto_namespaceObject.randomUUID)();
    const marker = { name: HookEnv.Run, value: runId };
    const scratch = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'prefork-memory-check-'));
    const evidenceFile = (0,external_node_path_namespaceObject.join)(scratch, 'hook.jsonl');
    const stop = {
        graceMs: options.stopGraceMs ?? STOP_GRACE_MS,
        killWaitMs: KILL_WAIT_MS,
        pollMs: STOP_POLL_MS
    };
    const server = startShell(options.command, {
        cwd: options.workingDirectory,
        env: serverEnv(process.env, {
            hookDirectory: options.hookDirectory,
            strategy: options.strategy,
            evidenceFile,
            runId
        }),
        tailBytes: OUTPUT_TAIL_BYTES
    });
    // A signal to this process (a cancelled workflow) then kills the server too.
    const untrack = server.pid === null ? () => { } : trackRun({ group: server.pid, marker: runId });
    const watcher = options.ready.kind === 'log' ? new LineWatcher(options.ready.pattern) : null;
    if (watcher)
        server.onOutput(chunk => watcher.push(chunk));
    // Filled in as the run goes; whatever was started is stopped at the end, success or not.
    const launched = {
        load: null,
        master: null
    };
    const body = async () => {
        const pid = server.pid;
        if (pid === null)
            throw new RunFailure(`the command ${describeExit(await server.exited)}`);
        deps.log.info(`Started the command (pid ${pid}): ${options.command}`);
        const { master, workers } = await waitForWorkers({
            table: deps.table,
            proc: deps.proc,
            server,
            root: pid,
            marker,
            readEvidence: () => readEvidence(evidenceFile),
            workers: options.workers,
            ready: options.ready,
            watcher,
            probeUrl: deps.probeUrl ?? httpProbe,
            deadline: started + options.timeoutMs,
            timeoutMs: options.timeoutMs
        });
        launched.master = master;
        deps.log.info(`${workers.length} workers under ${master.name} (pid ${master.pid}) ready after ` +
            `${seconds(performance.now() - started)}: ${workers.join(', ')}`);
        const snapshot = (when) => {
            try {
                return {
                    master: deps.proc.sample(master.pid),
                    workers: workers.map(worker => deps.proc.sample(worker))
                };
            }
            catch (error) {
                if (!(error instanceof ProcessGoneError))
                    throw error;
                const who = error.pid === master.pid
                    ? `the master ${master.name} (pid ${master.pid})`
                    : `worker ${error.pid}`;
                throw new RunFailure(`${who} exited ${when}; measure a configuration that keeps its workers for the whole run`);
            }
        };
        const ready = snapshot('before the load');
        const { ticks, after, loadMs } = await runLoadPhase(ready, {
            command: options.loadCommand,
            cwd: options.workingDirectory,
            env: loadEnv(process.env, runId, options.ready.kind === 'url' ? options.ready.url : null),
            durationMs: options.loadDurationMs,
            intervalMs: options.sampleIntervalMs,
            timeoutMs: options.timeoutMs,
            tailBytes: OUTPUT_TAIL_BYTES,
            stop,
            table: deps.table,
            log: deps.log,
            snapshot,
            onStart: shell => (launched.load = shell)
        });
        const hook = assessHook(readEvidence(evidenceFile), master, workers, options.strategy);
        // In the run's log; the caller warns once per cause over all runs (see hook-warnings.ts).
        for (const warning of hook.warnings)
            deps.log.info(`Warning: ${warning}`);
        const phase = (taken) => ({
            parent: taken.master,
            children: taken.workers.map((sample) => ({
                ...sample,
                gc: hook.gc.get(sample.pid) ?? null
            }))
        });
        const phases = {
            'after-fork': phase(ready),
            'after-work': phase(after)
        };
        deps.log.info(`Load phase ${seconds(loadMs)}, ${ticks.length} samples; worker USS after it: ` +
            after.workers.map(w => mib(w.uss)).join(', '));
        return {
            strategy: options.strategy,
            index: options.index,
            repeat: options.repeat,
            master,
            python: hook.masterStart && {
                executable: hook.masterStart.executable,
                version: hook.masterStart.version.join('.'),
                implementation: hook.masterStart.implementation,
                freeThreaded: hook.masterStart.freeThreaded
            },
            workers: hook.workers,
            phases,
            loadMs,
            ticks,
            warnings: hook.warnings
        };
    };
    let result = null;
    let failure = null;
    try {
        result = await body();
    }
    catch (error) {
        failure = error;
    }
    const { load } = launched;
    const groups = [server.pid, load?.pid ?? null].filter((pid) => pid !== null);
    const leaders = [...groups, ...(launched.master ? [launched.master.pid] : [])];
    let stopFailure = null;
    try {
        const { killed } = await stopRun(deps.table, { leaders, groups, marker }, stop);
        if (killed.length > 0) {
            deps.log.warning(`Processes ${killed.join(', ')} did not stop on SIGTERM and were killed.`);
        }
    }
    catch (error) {
        stopFailure = error;
    }
    untrack();
    server.release();
    load?.release();
    (0,external_node_fs_namespaceObject.rmSync)(scratch, { recursive: true, force: true });
    logOutput(deps.log, 'the command', server.output);
    if (load)
        logOutput(deps.log, 'the load command', load.output);
    if (failure !== null) {
        if (!(failure instanceof RunFailure))
            throw failure;
        throw new Error(commandFailure(failure, server, load, stopFailure));
    }
    if (stopFailure !== null)
        throw stopFailure;
    return {
        ...result,
        durationMs: Math.round(performance.now() - started)
    };
}
function commandFailure(failure, server, load, stopFailure) {
    const details = [];
    if (failure.loadFailed && load)
        details.push(describeOutput('the load command', load.output));
    details.push(describeOutput('the command', server.output));
    if (stopFailure)
        details.push(stopFailure.message);
    return failureMessage(failure, details);
}

;// CONCATENATED MODULE: ./src/engine/python.ts


/**
 * Printed as one JSON line. Kept parseable by Python 2 so that an old interpreter reaches the
 * version check below instead of failing with a SyntaxError.
 */
const PROBE_SOURCE = [
    'import gc, json, os, platform, sys, sysconfig',
    'print(json.dumps({',
    '  "version": platform.python_version(),',
    '  "versionInfo": list(sys.version_info[:3]),',
    '  "implementation": platform.python_implementation(),',
    '  "executable": sys.executable,',
    '  "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),',
    '  "gcFreeze": hasattr(gc, "freeze"),',
    '  "pageSize": os.sysconf("SC_PAGE_SIZE"),',
    '}))'
].join('\n');
const python_PROBE_TIMEOUT_MS = 60_000;
const FIX = 'Install Python 3.7 or newer (on a runner: actions/setup-python) or set it to such an interpreter.';
/** CPython 3.14.0 to 3.14.4 shipped the incremental collector, which scans the old generation in steps. */
function hasIncrementalGc(implementation, [major, minor, micro]) {
    return implementation === 'CPython' && major === 3 && minor === 14 && micro <= 4;
}
const asInput = name => `input '${name}'`;
/** "Input 'python' is 'python2'", or the CLI's "Option --python is 'python2'". */
function subject(python, refer) {
    return `${refer(constants_Inputs.Python).replace(/^./, c => c.toUpperCase())} is '${python}'`;
}
/** Checks the probe's answer; throws an error naming the input and the fix. */
function parseProbe(python, stdout, refer = asInput) {
    const named = subject(python, refer);
    let output;
    try {
        output = JSON.parse(stdout.trim());
    }
    catch {
        throw new Error(`${named}, which printed something other than its version ` +
            `(${JSON.stringify(stdout.slice(0, 200))}). Point it at a Python interpreter.`);
    }
    const [major, minor] = output.versionInfo;
    if (major < 3 || (major === 3 && minor < 7)) {
        throw new Error(`${named}, which runs Python ${output.version}; ` +
            `prefork-memory-check needs 3.7 or newer for gc.freeze(). ${FIX}`);
    }
    if (!output.gcFreeze) {
        throw new Error(`${named}, which runs ${output.implementation} ${output.version}, ` +
            `whose gc module has no freeze(). Use CPython 3.7 or newer.`);
    }
    return {
        executable: output.executable || python,
        version: output.version,
        implementation: output.implementation,
        freeThreaded: output.freeThreaded,
        incrementalGc: hasIncrementalGc(output.implementation, output.versionInfo),
        pageSize: output.pageSize
    };
}
/** Runs the interpreter once, without a shell, in the directory the target will run in. */
function probePython(python, workingDirectory, refer = asInput) {
    const named = subject(python, refer);
    return new Promise((resolve, reject) => {
        (0,external_node_child_process_namespaceObject.execFile)(python, ['-c', PROBE_SOURCE], { cwd: workingDirectory, timeout: python_PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error === null) {
                try {
                    resolve(parseProbe(python, stdout, refer));
                }
                catch (parseError) {
                    reject(parseError);
                }
                return;
            }
            const code = error.code;
            if (code === 'ENOENT' || code === 'EACCES') {
                const missing = python.includes('/') ? 'does not exist' : 'was not found on PATH';
                const why = code === 'ENOENT' ? missing : 'is not executable';
                reject(new Error(`${named}, which ${why}. ${FIX}`));
                return;
            }
            reject(new Error(`${named}, which failed to report its version: ` +
                `${stderr.trim() || error.message}. ${FIX}`));
        });
    });
}

;// CONCATENATED MODULE: ./src/engine/command/server-python.ts


/** sys.implementation.name as platform.python_implementation() spells it, as entrypoint mode reports. */
const IMPLEMENTATIONS = {
    cpython: 'CPython',
    pypy: 'PyPy',
    graalpy: 'GraalPy'
};
/** Stands in for the interpreter when the hook loaded in no master: nothing Python was seen. */
const UNKNOWN = 'unknown';
/**
 * The interpreter that was measured, as the strategy hook reported it in the first master where it
 * loaded; the `python` input plays no part in command mode.
 */
function serverPython(runs, pageSize) {
    const seen = runs.map(run => run.command?.python).find(python => python);
    if (!seen) {
        return {
            executable: UNKNOWN,
            version: UNKNOWN,
            implementation: UNKNOWN,
            freeThreaded: false,
            incrementalGc: false,
            pageSize
        };
    }
    const implementation = IMPLEMENTATIONS[seen.implementation] ?? seen.implementation;
    return {
        executable: seen.executable,
        version: seen.version,
        implementation,
        freeThreaded: seen.freeThreaded,
        incrementalGc: hasIncrementalGc(implementation, seen.version.split('.').map(Number)),
        pageSize
    };
}
/** The kernel's page size, from this process's first mapping: no interpreter is probed. */
function kernelPageSize(smaps = '/proc/self/smaps') {
    const match = /^KernelPageSize:\s+(\d+) kB$/m.exec((0,external_node_fs_namespaceObject.readFileSync)(smaps, 'utf8'));
    if (match === null)
        throw new Error(`${smaps} names no KernelPageSize: is /proc mounted?`);
    return Number(match[1]) * 1024;
}

;// CONCATENATED MODULE: ./src/engine/command/runner.ts





/** A command-mode run as the results file holds it: the samples in `phases`, the rest in `command`. */
function asRun(run) {
    return {
        index: run.index,
        repeat: run.repeat,
        durationMs: run.durationMs,
        phases: run.phases,
        command: {
            master: run.master,
            python: run.python,
            hookFired: run.workers.map(worker => worker.hookFired),
            loadMs: run.loadMs,
            ticks: run.ticks,
            warnings: run.warnings
        }
    };
}
/** Starts the user's command once per step; the environment names the interpreter the hook saw. */
function commandRunner(settings, deps) {
    const hookDirectory = deps.hookDirectory ?? resolveHookDirectory();
    const table = deps.table ?? createProcessTable();
    const sources = readEnvironmentSources(settings.workingDirectory);
    const pageSize = kernelPageSize();
    return {
        run: async (step) => asRun(await runCommand({
            command: settings.command,
            workingDirectory: settings.workingDirectory,
            workers: settings.workers,
            strategy: step.strategy,
            ready: settings.ready,
            loadCommand: settings.loadCommand,
            loadDurationMs: settings.loadDurationMs,
            sampleIntervalMs: settings.sampleIntervalMs,
            timeoutMs: settings.timeoutMs,
            hookDirectory,
            index: step.index,
            repeat: step.repeat
        }, { proc: deps.proc, table, log: deps.log })),
        environment: runs => buildEnvironment(serverPython(runs, pageSize), sources)
    };
}

;// CONCATENATED MODULE: ./src/engine/command/hook-warnings.ts
/**
 * Per worker of a run, whether the strategy reached it: its fork handler ran and, for a strategy
 * that freezes, it inherited frozen objects, the mark of the master's before-fork handler. A
 * free-threaded build keeps no freeze count, so there the fork handler has to do.
 */
function reachedWorkers(run, strategy) {
    const fired = run.command?.hookFired ?? [];
    if (strategy === 'none' || run.command?.python?.freeThreaded)
        return fired;
    const children = run.phases['after-fork'].children;
    return fired.map((hit, i) => hit && (children[i]?.gc?.freezeCount ?? 0) > 0);
}
/** Workers of `runs` that the strategy did not reach, out of all their command workers. */
function hookMisses(runs, strategy) {
    const reached = runs.flatMap(run => reachedWorkers(run, strategy));
    return { missed: reached.filter(r => !r).length, total: reached.length };
}
function causeOf(runs, strategy) {
    const fired = runs.flatMap(run => run.command?.hookFired ?? []);
    if (fired.every(f => !f)) {
        return runs.some(run => run.command?.python === null) ? 'not-loaded' : 'forks-from-c';
    }
    const { missed, total } = hookMisses(runs, strategy);
    return fired.every(f => f) && missed === total ? 'after-fork-only' : 'some-workers';
}
function explain(cause, master) {
    switch (cause) {
        case 'not-loaded':
            return (`it never loaded in ${master}, which is not a Python process that reads PYTHONPATH (not ` +
                'Python, started with python -I or -E, or by a wrapper that resets the environment)');
        case 'forks-from-c':
            return (`${master} loaded it but forked them from C without running the interpreter's fork ` +
                'handlers (uWSGI does)');
        case 'after-fork-only':
            return (`${master} ran the interpreter's after-fork handlers in them but never the before-fork ` +
                'ones, where gc.freeze() runs (uWSGI does, even with --py-call-osafterfork)');
        case 'some-workers':
            return `${master} forked them without running the interpreter's fork handlers`;
    }
}
/** Only a change to the preloaded code itself reaches a server that forks from C. */
const FREEZE_IN_CODE = ' To measure gc.freeze() under such a server, call it at the end of the module its master ' +
    'preloads.';
/**
 * One warning per cause for the strategies that did not reach all their workers, counted over all
 * their runs: what the report shows once, where the log told it run by run.
 */
function hookWarnings(strategies) {
    const byCause = new Map();
    for (const strategy of strategies) {
        if (hookMisses(strategy.runs, strategy.name).missed === 0)
            continue;
        const cause = causeOf(strategy.runs, strategy.name);
        byCause.set(cause, [...(byCause.get(cause) ?? []), strategy]);
    }
    return [...byCause].map(([cause, group]) => {
        const counts = group.map(strategy => hookMisses(strategy.runs, strategy.name));
        const missed = counts.reduce((sum, count) => sum + count.missed, 0);
        const total = counts.reduce((sum, count) => sum + count.total, 0);
        const runs = group.flatMap(strategy => strategy.runs);
        const master = runs.find(run => run.command)?.command?.master.name ?? 'the server';
        const names = group.map(strategy => strategy.name);
        const applied = names.filter(name => name !== 'none');
        const consequence = applied.length === 0
            ? 'those workers carry no GC evidence.'
            : `${applied.join(', ')} ${applied.length === 1 ? 'was' : 'were'} not applied to them: ` +
                "their figures are the baseline's.";
        const fix = applied.length > 0 && cause !== 'not-loaded' ? FREEZE_IN_CODE : '';
        const among = `${names.length === 1 ? 'strategy' : 'strategies'} ${names.join(', ')}`;
        return (`The strategy hook did not reach ${missed} of ${total} workers (${among}): ` +
            `${explain(cause, master)}, so ${consequence}${fix}`);
    });
}

;// CONCATENATED MODULE: ./src/engine/harness-run.ts







// The harness's side of these descriptors is described at the top of harness.py.
const EVENTS_FD = 3;
const WORK_GATE_FD = 4;
const EXIT_GATE_FD = 5;
/** The user's output kept for the log and for error messages; older bytes are dropped. */
const harness_run_OUTPUT_TAIL_BYTES = 64 * 1024;
/** The longest a phase's sample waits for its processes to go to sleep. */
const IDLE_WAIT_MS = 1_000;
/** How long a killed tree may take to go away before its pipes are dropped. */
const KILL_GRACE_MS = 5_000;
/** How long the events of an exited parent may take to arrive while a child still holds fd 3. */
const EVENTS_GRACE_MS = 1_000;
/** Signals in arrival order, awaited one at a time. */
class Inbox {
    queue = [];
    waiting = null;
    push(signal) {
        if (this.waiting) {
            const wake = this.waiting;
            this.waiting = null;
            wake(signal);
        }
        else {
            this.queue.push(signal);
        }
    }
    next() {
        const queued = this.queue.shift();
        if (queued)
            return Promise.resolve(queued);
        return new Promise(resolve => (this.waiting = resolve));
    }
}
function signalName(signal) {
    const names = external_node_os_namespaceObject.constants.signals;
    return Object.keys(names).find(name => names[name] === signal) ?? `signal ${signal}`;
}
function exitDescription(code, signal) {
    const name = signal ?? (code !== null && code < 0 ? signalName(-code) : null);
    // SIGKILL from outside the run is what the kernel's OOM killer sends.
    if (name === 'SIGKILL')
        return 'was killed by SIGKILL (out of memory?)';
    if (name !== null)
        return `was killed by ${name}`;
    return `exited with code ${code}`;
}
function describeError(event) {
    switch (event.step) {
        case 'entrypoint':
            return `the entrypoint '${event.spec}' raised in the parent (pid ${event.pid})`;
        case 'worker':
            return event.spec
                ? `the worker '${event.spec}' raised in child ${event.pid}`
                : `the full collection raised in child ${event.pid}`;
        case 'fork':
            return `freezing or forking failed in the parent (pid ${event.pid})`;
        case 'after-fork':
        case 'after-work':
            return `child ${event.pid} failed while holding at ${event.step}`;
        case 'harness':
            return `the harness failed (pid ${event.pid})`;
    }
}
/**
 * Spawns the harness for one strategy, samples the tree at each phase from /proc while every
 * process is blocked on a gate, and releases it only after the last sample.
 */
async function runHarness(options, deps) {
    const started = performance.now();
    const config = {
        entrypoint: options.entrypoint,
        worker: options.worker,
        iterations: options.iterations,
        workers: options.workers,
        strategy: options.strategy
    };
    const marker = (0,external_node_crypto_namespaceObject.randomUUID)();
    const child = (0,external_node_child_process_namespaceObject.spawn)(options.python, [options.harnessPath, JSON.stringify(config)], {
        cwd: options.workingDirectory,
        env: targetEnv(process.env, marker),
        // Its own process group, so a kill reaches every child the harness forked.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe']
    });
    const inbox = new Inbox();
    const output = new OutputTail(harness_run_OUTPUT_TAIL_BYTES);
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    // Extra 'pipe' descriptors are sockets, readable and writable; the typings stop at fd 4.
    const control = child.stdio;
    const events = control[EVENTS_FD];
    const workGate = control[WORK_GATE_FD];
    const exitGate = control[EXIT_GATE_FD];
    let pending = '';
    events.setEncoding('utf8');
    events.on('data', (text) => {
        const lines = (pending + text).split('\n');
        pending = lines.pop();
        for (const line of lines) {
            if (line === '')
                continue;
            try {
                inbox.push({ kind: 'event', event: JSON.parse(line) });
            }
            catch {
                inbox.push({ kind: 'unreadable-event', line });
            }
        }
    });
    // The parent counts as exited once its last events are read, so that an error it reported
    // before dying is what the run fails with. Its output may still flow: a process the target
    // started can hold stdout, which is why the end of the run does not wait for `close`.
    let exitStatus = null;
    let eventsRead = false;
    let eventsGrace;
    const announceExit = () => {
        clearTimeout(eventsGrace);
        if (exitStatus !== null)
            inbox.push(exitStatus);
        exitStatus = null;
    };
    events.on('close', () => {
        eventsRead = true;
        announceExit();
    });
    child.on('exit', (code, signal) => {
        exitStatus = { kind: 'exited', code, signal };
        if (eventsRead)
            announceExit();
        else
            eventsGrace = setTimeout(announceExit, EVENTS_GRACE_MS);
    });
    const gone = new Promise(resolve => {
        child.on('close', () => resolve());
        child.on('error', error => {
            inbox.push({ kind: 'spawn-error', error });
            resolve();
        });
    });
    const timer = setTimeout(() => inbox.push({ kind: 'timeout' }), options.timeoutMs);
    const live = child.pid === undefined ? null : { group: child.pid, marker };
    const untrack = live === null ? () => undefined : trackRun(live);
    // The parent only says it has preloaded: from the fork on it stays silent, and the children
    // name themselves when they report at after-fork.
    let parent = null;
    const ready = { 'after-fork': new Set(), 'after-work': new Set() };
    // A child reports its collector's state once it is released from the phase's sample.
    const evidence = {
        'after-fork': new Map(),
        'after-work': new Map()
    };
    const progress = (phase) => {
        if (parent === null)
            return 'the parent was still preloading the entrypoint';
        return `${ready[phase].size} of ${options.workers} children reported`;
    };
    let exited = false;
    /** Applies one signal; throws when it ends the run before `waitingFor` is reached. */
    const handle = (signal, waitingFor) => {
        const during = waitingFor === 'exit' ? 'after the last sample' : `while waiting for ${waitingFor}`;
        switch (signal.kind) {
            case 'timeout': {
                const limit = `timed out after ${seconds(options.timeoutMs)}`;
                throw new RunFailure(waitingFor === 'exit'
                    ? `${limit} waiting for the processes to exit after the last sample`
                    : `${limit} waiting for ${waitingFor}: ${progress(waitingFor)}`);
            }
            case 'spawn-error':
                throw new RunFailure(`could not start ${options.python}: ${signal.error.message}`);
            case 'unreadable-event':
                throw new RunFailure(`the harness sent an unreadable event ${JSON.stringify(signal.line)}`);
            case 'exited':
                exited = true;
                if (waitingFor === 'exit' && signal.code === 0)
                    return;
                throw new RunFailure(`the harness ${exitDescription(signal.code, signal.signal)} ${during}`);
            case 'event': {
                const event = signal.event;
                if (event.event === 'ready')
                    ready[event.phase].add(event.pid);
                else if (event.event === 'gc')
                    evidence[event.phase].set(event.pid, event.gc);
                else if (event.event === 'preloaded')
                    parent = event.pid;
                else if (event.event === 'error') {
                    throw new RunFailure(`${describeError(event)} ${during}`, { traceback: event.traceback });
                }
                else if (event.event === 'exit' && waitingFor !== 'exit') {
                    throw new RunFailure(`child ${event.pid} ${exitDescription(event.code, null)} ${during}`);
                }
            }
        }
    };
    const awaitPhase = async (phase) => {
        for (;;) {
            if (parent !== null && ready[phase].size === options.workers) {
                return { parent, children: [...ready[phase]].sort((a, b) => a - b) };
            }
            handle(await inbox.next(), phase);
        }
    };
    const sampleTree = (phase, current) => {
        try {
            const parent = deps.proc.sample(current.parent);
            return { parent, children: current.children.map(pid => deps.proc.sample(pid)) };
        }
        catch (error) {
            if (error instanceof ProcessGoneError) {
                throw new RunFailure(`process ${error.pid} exited before it was measured at ${phase}`);
            }
            throw error;
        }
    };
    const withEvidence = (phase, samples) => ({
        parent: samples.parent,
        children: samples.children.map((sample) => {
            const gc = evidence[phase].get(sample.pid);
            if (gc === undefined) {
                throw new RunFailure(`child ${sample.pid} never reported its collector's state at ${phase}`);
            }
            return { ...sample, gc };
        })
    });
    const holdAt = async (phase) => {
        const current = await awaitPhase(phase);
        await untilBlocked(deps.proc, [current.parent, ...current.children]);
        const samples = sampleTree(phase, current);
        await deps.onPhase?.(phase, current);
        return samples;
    };
    let run;
    let failure;
    try {
        const afterFork = await holdAt('after-fork');
        workGate.destroy(); // end-of-file: every child runs its worker
        const afterWork = await holdAt('after-work');
        exitGate.destroy(); // end-of-file: every child exits, then the parent
        while (!exited)
            handle(await inbox.next(), 'exit');
        run = {
            index: options.index,
            repeat: options.repeat,
            durationMs: Math.round(performance.now() - started),
            phases: {
                'after-fork': withEvidence('after-fork', afterFork),
                'after-work': withEvidence('after-work', afterWork)
            }
        };
    }
    catch (error) {
        failure = error;
    }
    // Whatever happened, nothing of the run outlives it.
    clearTimeout(timer);
    clearTimeout(eventsGrace);
    if (live !== null)
        reportStragglers(deps.log, await killRun(live, KILL_GRACE_MS));
    untrack();
    await settled(gone, KILL_GRACE_MS);
    for (const stream of [child.stdout, child.stderr, ...control])
        stream?.destroy();
    logOutput(deps.log, 'the target', output);
    if (run !== undefined)
        return run;
    if (failure instanceof RunFailure)
        throw new Error(failureMessage(failure, [describeOutput('the target', output)]));
    throw failure;
}
function reportStragglers(log, stopped) {
    if (stopped.escaped.length > 0) {
        log.warning(`The target started processes that left the run's process group (${stopped.escaped.join(', ')}); ` +
            'they were killed with the run.');
    }
    if (stopped.survivors.length > 0) {
        log.warning(`Processes ${stopped.survivors.join(', ')} of this run were still in /proc ` +
            `${seconds(KILL_GRACE_MS)} after SIGKILL; check for them with \`ps\`.`);
    }
}
/**
 * A child reports a phase just before it blocks on the gate; until it sleeps there, it may still
 * be touching pages. Waits until every process sleeps, for a moment at most: a process busy in
 * a thread of the user's is sampled anyway.
 */
async function untilBlocked(proc, pids) {
    const deadline = performance.now() + IDLE_WAIT_MS;
    const busy = (pid) => {
        try {
            return proc.state(pid) === 'R';
        }
        catch (error) {
            if (error instanceof ProcessGoneError)
                return false; // the sample will say so
            throw error;
        }
    };
    while (pids.some(busy) && performance.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 1));
    }
}
/** Waits for `promise`, but no longer than `ms`. */
async function settled(promise, ms) {
    let timer;
    await Promise.race([promise, new Promise(resolve => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
}

;// CONCATENATED MODULE: ./src/engine/harness-path.ts



/** Where harness.py sits relative to this module: bundle root, CLI bundle, source tree. */
const harness_path_CANDIDATES = ['harness.py', '../harness.py', '../harness/harness.py'];
/** The harness file shipped beside the running code; `moduleUrl` is for tests. */
function resolveHarnessPath(moduleUrl = import.meta.url) {
    const here = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(moduleUrl));
    const tried = harness_path_CANDIDATES.map(candidate => (0,external_node_path_namespaceObject.join)(here, candidate));
    const found = tried.find(path => (0,external_node_fs_namespaceObject.existsSync)(path));
    if (found === undefined) {
        throw new Error(`The Python harness is missing: none of ${tried.join(', ')} exists. ` +
            'Rebuild with `npm run bundle`, which copies src/harness/harness.py into dist/.');
    }
    return found;
}

;// CONCATENATED MODULE: ./src/engine/stats.ts
/** The middle value; the mean of the two middle values for an even count. */
function median(values) {
    if (values.length === 0)
        throw new Error('median of no values');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
function minimum(values) {
    if (values.length === 0)
        throw new Error('minimum of no values');
    return values.reduce((a, b) => Math.min(a, b));
}
function maximum(values) {
    if (values.length === 0)
        throw new Error('maximum of no values');
    return values.reduce((a, b) => Math.max(a, b));
}
/** `perRun[r]` holds one figure per child of run r. */
function spread(perRun) {
    const all = perRun.flat();
    return { median: median(perRun.map(median)), min: minimum(all), max: maximum(all) };
}
/** What copy-on-write cost each child of a run: after-work USS minus its own after-fork USS. */
function cowLosses(run) {
    const before = new Map(run.phases['after-fork'].children.map(c => [c.pid, c.uss]));
    return run.phases['after-work'].children.map(child => {
        const forked = before.get(child.pid);
        if (forked === undefined)
            throw new Error(`child ${child.pid} has no after-fork sample`);
        return child.uss - forked;
    });
}
/** Per-child figures at after-work, median over runs of each run's median child. */
function summarize(runs) {
    if (runs.length === 0)
        throw new Error('no runs to summarize');
    const afterWork = (figure) => runs.map(run => run.phases['after-work'].children.map(figure));
    return {
        uss: spread(afterWork(c => c.uss)),
        pss: spread(afterWork(c => c.pss)),
        rss: spread(afterWork(c => c.rss)),
        cowLoss: spread(runs.map(cowLosses)),
        treePss: median(runs.map(run => {
            const { parent, children } = run.phases['after-work'];
            return children.reduce((sum, c) => sum + c.pss, parent.pss);
        }))
    };
}
/** The parent at after-work, median over runs of each figure. */
function summarizeParent(runs) {
    const parents = runs.map(run => run.phases['after-work'].parent);
    return {
        uss: median(parents.map(p => p.uss)),
        pss: median(parents.map(p => p.pss)),
        rss: median(parents.map(p => p.rss))
    };
}

;// CONCATENATED MODULE: ./src/engine/tool.ts
/** Stamped into every results file; kept in step with package.json by the release that bumps it. */
const TOOL = { name: 'prefork-memory-check', version: '0.1.0' };

;// CONCATENATED MODULE: ./src/engine/types.ts
/**
 * The results file: a public interface that users parse in their workflows.
 * Every figure is in bytes. Adding fields is fine; renaming or removing one bumps `schema`.
 *
 * Command mode added to schema 1: `target.kind`, the command target's fields, `run.command` and
 * `warnings`; files written before it have no `kind` (an entrypoint) and no `warnings`. One change
 * asks more of older readers: a child's `gc` is null for a worker the strategy hook did not reach.
 *
 * Schema 2 adds `label`, `base` and `comparison`, each present only when set: the base the head was
 * compared with (the pull request's merge base, or a baseline file) and the figures of both sides.
 * Nothing of schema 1 moved, so a reader of schema 1 reads the head's figures of a schema 2 file.
 */
const types_RESULTS_SCHEMA = 2;
const types_STRATEGIES = ['none', 'freeze', 'disable-freeze', 'collect-freeze'];
const PHASES = ['after-fork', 'after-work'];
/** The per-child figures (and the tree's total) that base and head are compared on. */
const FIGURES = ['uss', 'pss', 'rss', 'cowLoss', 'treePss'];

;// CONCATENATED MODULE: ./src/engine/measure.ts












/** Strategies interleaved run by run (none, freeze, none, freeze, …) so drift hits all alike. */
function planRuns(strategies, repeat) {
    const plan = [];
    for (let r = 0; r < repeat; r++) {
        for (const strategy of strategies)
            plan.push({ index: plan.length, strategy, repeat: r });
    }
    return plan;
}
/**
 * A run failed; `partial` holds the head's strategies that completed runs before it, or null if
 * none did. `side` says whose run failed: the head's, or the base's it was compared with.
 */
class measure_MeasureError extends Error {
    partial;
    side;
    constructor(message, partial, options) {
        super(message, options);
        this.partial = partial;
        this.name = 'MeasureError';
        this.side = options?.side ?? 'head';
    }
}
/** The harness preloads the entrypoint in an interpreter probed once up front. */
function entrypointRunner(settings, python, deps) {
    const harnessPath = deps.harnessPath ?? resolveHarnessPath();
    const environment = buildEnvironment(python, readEnvironmentSources(settings.workingDirectory));
    return {
        run: async (step) => {
            const run = await runHarness({
                python: python.executable,
                harnessPath,
                entrypoint: settings.entrypoint,
                worker: settings.worker,
                iterations: settings.iterations,
                workers: settings.workers,
                strategy: step.strategy,
                workingDirectory: settings.workingDirectory,
                timeoutMs: settings.timeoutMs,
                index: step.index,
                repeat: step.repeat
            }, deps);
            const children = run.phases['after-work'].children;
            deps.log.info(`${run.durationMs} ms; after-work child USS ${children.map(c => mib(c.uss)).join(', ')}`);
            return run;
        },
        environment: () => environment
    };
}
/**
 * A runner per working directory, all for the same target. The interpreter is probed once, in the
 * first directory, and every runner starts the absolute executable it reported, so that a relative
 * `python` cannot pick another interpreter in another checkout.
 */
async function runnersFor(settings, directories, deps) {
    const runs = `strategies ${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`;
    if (settings.kind === 'command') {
        deps.log.info(`${settings.workers} workers expected from the command, ${runs}`);
        return directories.map(dir => commandRunner({ ...settings, workingDirectory: dir }, deps));
    }
    const python = await probePython(settings.python, settings.workingDirectory, deps.refer);
    deps.log.info(`${python.implementation} ${python.version} (${python.executable}), ${settings.workers} workers, ${runs}`);
    return directories.map(dir => entrypointRunner({ ...settings, workingDirectory: dir }, python, deps));
}
/** One side's runner and its runs so far, by strategy. */
class SideRuns {
    settings;
    runner;
    gitSha;
    runs;
    /** `gitSha` replaces the environment's commit: the base's checkout is not the job's. */
    constructor(settings, runner, gitSha = null) {
        this.settings = settings;
        this.runner = runner;
        this.gitSha = gitSha;
        this.runs = new Map(settings.strategies.map(s => [s, []]));
    }
    async run(step) {
        const run = await this.runner.run(step);
        this.runs.get(step.strategy)?.push(run);
    }
    results(strategies = this.settings.strategies) {
        const environment = this.runner.environment([...this.runs.values()].flat());
        const stamped = this.gitSha === null ? environment : { ...environment, gitSha: this.gitSha };
        return assemble(this.settings, stamped, this.runs, strategies);
    }
    /** The strategies that completed a run, or null when none did. */
    partial() {
        const completed = this.settings.strategies.filter(s => (this.runs.get(s) ?? []).length > 0);
        return completed.length === 0 ? null : this.results(completed);
    }
}
/** Runs `plan` step by step, each on its side; throws MeasureError on the first failure. */
async function execute(settings, plan, sides, deps) {
    for (const step of plan) {
        const title = `Run ${step.index + 1}/${plan.length}: ${step.strategy}${sides.describe(step.side)} ` +
            `(repeat ${step.repeat + 1}/${settings.repeat})`;
        deps.log.startGroup(title);
        try {
            await sides.of(step.side).run(step);
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            throw new measure_MeasureError(`${title} failed. ${message}`, sides.head.partial(), {
                cause: error,
                side: step.side
            });
        }
        finally {
            deps.log.endGroup();
        }
    }
}
function logWarnings(results, deps, prefix = '') {
    for (const warning of results.warnings ?? [])
        deps.log.warning(`${prefix}${warning}`);
}
/** Runs every planned run in turn and summarizes them per strategy. */
async function measure_measure(settings, deps) {
    const [runner] = await runnersFor(settings, [settings.workingDirectory], deps);
    const head = new SideRuns(settings, runner);
    const plan = planRuns(settings.strategies, settings.repeat).map(step => ({
        ...step,
        side: 'head'
    }));
    await execute(settings, plan, { head, of: () => head, describe: () => '' }, deps);
    const measured = head.results();
    logWarnings(measured, deps);
    return measured;
}
/**
 * Measures the head and the base in turn, run by run (base, head, base, head … for every strategy
 * and repeat), so that whatever drifts during the job weighs on both sides alike. The same
 * interpreter runs both sides.
 */
async function measure_measureWithBase(settings, base, deps) {
    const [headRunner, baseRunner] = await runnersFor(settings, [settings.workingDirectory, base.workingDirectory], deps);
    const baseSettings = { ...settings, workingDirectory: base.workingDirectory };
    const head = new SideRuns(settings, headRunner);
    const baseRuns = new SideRuns(baseSettings, baseRunner, base.commit);
    const plan = planComparedRuns(settings.strategies, settings.repeat);
    await execute(settings, plan, {
        head,
        of: side => (side === 'base' ? baseRuns : head),
        describe: side => side === 'base' ? ` on the base ${shortCommit(base.commit)}` : ' on the head'
    }, deps);
    const measured = { head: head.results(), base: baseRuns.results() };
    logWarnings(measured.head, deps);
    logWarnings(measured.base, deps, 'On the base: ');
    return measured;
}
function targetOf(settings) {
    if (settings.kind === 'command') {
        const { ready } = settings;
        return {
            kind: 'command',
            command: settings.command,
            ready: ready.kind === 'log' ? { kind: 'log', pattern: ready.pattern.source } : ready,
            loadCommand: settings.loadCommand,
            loadDurationMs: settings.loadDurationMs,
            sampleIntervalMs: settings.sampleIntervalMs
        };
    }
    return {
        kind: 'entrypoint',
        entrypoint: settings.entrypoint,
        worker: settings.worker,
        iterations: settings.iterations
    };
}
/** Results of `strategies`; `repeat` is the fewest runs any of them completed. */
function assemble(settings, environment, runs, strategies) {
    const measured = strategies.map(name => ({ name, runs: runs.get(name) ?? [] }));
    return {
        schema: types_RESULTS_SCHEMA,
        tool: { name: TOOL.name, version: TOOL.version },
        target: targetOf(settings),
        workers: settings.workers,
        repeat: Math.min(...measured.map(strategy => strategy.runs.length)),
        environment,
        warnings: hookWarnings(measured),
        strategies: measured.map(({ name, runs: strategyRuns }) => ({
            name,
            summary: summarize(strategyRuns),
            parent: summarizeParent(strategyRuns),
            runs: strategyRuns
        }))
    };
}

;// CONCATENATED MODULE: ./src/git/git.ts




/** Git exited non-zero; the message carries the command and git's own words. */
class git_GitError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const said = stderr.trim();
        super(`git ${args.join(' ')} exited with ${exitCode}${said === '' ? '' : `: ${said}`}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'GitError';
    }
}
/** Runs git and returns its stdout without the final newline; throws GitError on a non-zero exit. */
async function git_runGit(git, args) {
    const output = await git.exec(args);
    if (output.exitCode !== 0)
        throw new git_GitError(args, output.exitCode, output.stderr);
    return output.stdout.replace(/\r?\n$/, '');
}
/** The nearest directory from `directory` up that holds `.git`: the checkout's top. */
function checkoutTop(directory) {
    let dir;
    try {
        dir = realpathSync(directory);
    }
    catch {
        return null;
    }
    for (;;) {
        if (existsSync(join(dir, '.git')))
            return dir;
        const parent = dirname(dir);
        if (parent === dir)
            return null;
        dir = parent;
    }
}
/**
 * Git in `directory`, started without a shell so no argument is ever interpreted. Prompts are off:
 * on a runner nobody can type a password, and a fetch must fail rather than wait forever. The
 * checkout is marked safe: in a container job it belongs to another user than the one running
 * git, which git otherwise refuses ("dubious ownership"), and it is the code this job measures.
 */
function createGit(directory, env = process.env) {
    const childEnv = { ...env, GIT_TERMINAL_PROMPT: '0' };
    const top = checkoutTop(directory);
    const safe = top === null ? [] : ['-c', `safe.directory=${top}`];
    return {
        directory,
        exec: args => new Promise((resolve, reject) => {
            const child = spawn('git', [...safe, ...args], {
                cwd: directory,
                env: childEnv,
                stdio: ['ignore', 'pipe', 'pipe']
            });
            const stdout = [];
            const stderr = [];
            child.stdout.on('data', (chunk) => stdout.push(chunk));
            child.stderr.on('data', (chunk) => stderr.push(chunk));
            child.on('error', error => reject(new Error(`Could not run git in ${directory}: ${error.message}`, { cause: error })));
            child.on('close', (code, signal) => resolve({
                // A signal has no exit code; 128 + its number is what a shell would report.
                exitCode: code ?? 128 + (signal === null ? 0 : constants.signals[signal]),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8')
            }));
        })
    };
}

;// CONCATENATED MODULE: ./src/git/merge-base.ts


/** Commits to deepen a shallow checkout by, in turn, before fetching its whole history. */
const DEEPEN_STEPS = (/* unused pure expression or super */ null && ([50, 200, 1000]));
/** The merge base could not be found; the message says what was tried and how to fix it. */
class merge_base_MergeBaseError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'MergeBaseError';
    }
}
const FULL_HISTORY_FIX = (/* unused pure expression or super */ null && ('Check out the whole history so the base is there: give actions/checkout `fetch-depth: 0` ' +
    '(and leave `persist-credentials` on, so later fetches can authenticate).'));
async function hasCommit(git, commit) {
    return (await git.exec(['cat-file', '-e', `${commit}^{commit}`])).exitCode === 0;
}
async function isShallow(git) {
    return (await runGit(git, ['rev-parse', '--is-shallow-repository'])) === 'true';
}
/** The merge base, or null while the history between the two commits is incomplete. */
async function mergeBaseOf(git, { base, head }) {
    const output = await git.exec(['merge-base', base, head]);
    const found = output.stdout.trim();
    return output.exitCode === 0 && isCommitId(found) ? found : null;
}
/**
 * The merge base of the pull request's base and head commits: the commit the PR branched from,
 * which is what the head should be compared with (the base branch may have moved on since).
 *
 * A checkout made with the default `fetch-depth: 1` holds neither commit's history: missing commits
 * are fetched by id, then the shallow history is deepened step by step, and only as a last resort
 * fetched whole, until `git merge-base` answers.
 */
async function merge_base_resolveMergeBase(git, commits, options = {}) {
    for (const commit of [commits.base, commits.head]) {
        // Also keeps anything that git could read as an option off the command line.
        if (!isCommitId(commit))
            throw new merge_base_MergeBaseError(`'${commit}' is not a full commit id.`);
    }
    const remote = options.remote ?? 'origin';
    const steps = options.deepenSteps ?? DEEPEN_STEPS;
    const info = options.info ?? (() => undefined);
    const wanted = [...new Set([commits.base, commits.head])];
    const names = `base ${shortCommit(commits.base)} and head ${shortCommit(commits.head)}`;
    const fetch = (how, which, what) => {
        info(`Fetching ${what} from ${remote}`);
        return runGit(git, ['fetch', '--no-tags', ...how, remote, ...which]);
    };
    try {
        const missing = [];
        for (const commit of wanted)
            if (!(await hasCommit(git, commit)))
                missing.push(commit);
        if (missing.length > 0) {
            // Fetching by id into a full clone must not make it shallow; into a shallow one, a little
            // history comes along so the next step has somewhere to start.
            const depth = (await isShallow(git)) ? [`--depth=${steps[0] ?? 1}`] : [];
            await fetch(depth, missing, missing.map(shortCommit).join(' and '));
        }
        let found = await mergeBaseOf(git, commits);
        for (const step of steps) {
            if (found !== null || !(await isShallow(git)))
                break;
            await fetch([`--deepen=${step}`], wanted, `${step} more commits of history`);
            found = await mergeBaseOf(git, commits);
        }
        if (found === null && (await isShallow(git))) {
            await fetch(['--unshallow'], wanted, 'the whole history');
            found = await mergeBaseOf(git, commits);
        }
        if (found !== null)
            return found;
        throw new merge_base_MergeBaseError(`The pull request's ${names} have no common ancestor, so there is no base to compare with.`);
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        throw new merge_base_MergeBaseError(`Could not find the merge base of ${names}: ${error.message}. ${FULL_HISTORY_FIX}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/git/worktree.ts





/** The repository's top directory, as git spells it (symbolic links resolved). */
function worktree_repositoryRoot(git) {
    return runGit(git, ['rev-parse', '--show-toplevel']);
}
/**
 * Where `path` of the main checkout sits in a worktree rooted at `worktree`: the base's copy of the
 * working directory. Both `root` and `path` must be real paths (symbolic links resolved).
 */
function worktree_pathInWorktree(root, worktree, path) {
    const inside = relative(root, path);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        throw new Error(`${path} is outside the repository at ${root}, so the base has no copy of it.`);
    }
    return join(worktree, inside);
}
/** Removes the worktree and everything in it; returns what went wrong instead of throwing. */
async function removeWorktree(git, path, dir) {
    const problems = [];
    const attempt = async (what) => {
        try {
            await what();
        }
        catch (error) {
            problems.push(error instanceof Error ? error.message : String(error));
        }
    };
    // Twice --force: also when untracked files (bytecode caches, logs) or a lock are left in it.
    const removed = await git.exec(['worktree', 'remove', '--force', '--force', path]);
    await attempt(() => rmSync(dir, { recursive: true, force: true }));
    // Forgets the worktree's administrative files also when `remove` failed half way.
    await attempt(() => runGit(git, ['worktree', 'prune']));
    if (removed.exitCode !== 0 && problems.length > 0)
        problems.unshift(removed.stderr.trim());
    return problems;
}
/**
 * Checks `commit` out, detached, into a temporary worktree and runs `body` with its path. The
 * worktree is removed afterwards, whether `body` succeeded or threw.
 */
async function worktree_withWorktree(git, commit, body, options = {}) {
    if (!isCommitId(commit))
        throw new Error(`'${commit}' is not a full commit id.`);
    const dir = mkdtempSync(join(options.parent ?? tmpdir(), 'prefork-base-'));
    const path = join(dir, 'worktree');
    try {
        await runGit(git, ['worktree', 'add', '--detach', path, commit]);
        return await body(path);
    }
    finally {
        const problems = await removeWorktree(git, path, dir);
        if (problems.length > 0) {
            options.warning?.(`Could not remove the base's worktree at ${path}: ${problems.join('; ')}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/report/figures.ts
/** Figures the reports derive from results: comparisons, projections, per-run medians. */

/** Worker counts the projection extrapolates to. */
const PROJECTED_WORKERS = [8, 16, 32, 64];
/** A change of per-child USS smaller than this fraction of the baseline counts as no difference. */
const NEGLIGIBLE_CHANGE = 0.01;
/** Strategies that freeze the parent's heap before forking, preferred in this order. */
const FREEZE_LIKE = ['freeze', 'disable-freeze', 'collect-freeze'];
function findStrategy(results, name) {
    return results.strategies.find(s => s.name === name);
}
function compareUss(baseline, candidate) {
    const before = baseline.summary.uss.median;
    const delta = candidate.summary.uss.median - before;
    return { baseline, candidate, delta, change: before > 0 ? delta / before : null };
}
/**
 * `none` against `freeze` when both were measured; without `freeze`, against the freeze-like
 * strategy with the smallest per-child USS. Null without a `none` baseline or anything to compare.
 */
function freezeComparison(results) {
    const baseline = findStrategy(results, 'none');
    if (baseline === undefined)
        return null;
    const candidates = FREEZE_LIKE.map(name => findStrategy(results, name)).filter((s) => s !== undefined);
    if (candidates.length === 0)
        return null;
    const chosen = candidates[0].name === 'freeze'
        ? candidates[0]
        : candidates.reduce((best, s) => (s.summary.uss.median < best.summary.uss.median ? s : best));
    return compareUss(baseline, chosen);
}
/** Share of the median child's RSS that is shared with other processes: 1 − USS/RSS. */
function sharedShare(summary) {
    return summary.rss.median > 0 ? 1 - summary.uss.median / summary.rss.median : 0;
}
/** What the tree holds besides the workers' private memory: tree PSS − N × child USS, at least 0. */
function sharedBase(strategy, workers) {
    const { treePss, uss } = strategy.summary;
    return Math.max(0, treePss - workers * uss.median);
}
/** Total tree PSS at `projected` workers, linear from the `measured` worker count. */
function projectTreePss(strategy, measured, projected) {
    return sharedBase(strategy, measured) + projected * strategy.summary.uss.median;
}
/** The median of one run's after-work children for one figure. */
function runMedian(run, figure) {
    return median(run.phases['after-work'].children.map(figure));
}
/** Parent plus every child PSS of one run, after work. */
function runTreePss(run) {
    const { parent, children } = run.phases['after-work'];
    return children.reduce((sum, child) => sum + child.pss, parent.pss);
}
/** The run whose median child USS is the median over runs (the lower one for an even count). */
function medianRun(strategy) {
    const ordered = [...strategy.runs].sort((a, b) => runMedian(a, c => c.uss) - runMedian(b, c => c.uss) || a.index - b.index);
    return ordered[Math.floor((ordered.length - 1) / 2)];
}

;// CONCATENATED MODULE: ./src/compare/comparison.ts
/** Base against head, figure by figure, with the noise the repeats showed on either side. */



/** The figure as the summary reports it: the median over runs. */
const SUMMARY = {
    uss: s => s.uss.median,
    pss: s => s.pss.median,
    rss: s => s.rss.median,
    cowLoss: s => s.cowLoss.median,
    treePss: s => s.treePss
};
/** The figure of one run, of which the summary takes the median. */
const PER_RUN = {
    uss: run => runMedian(run, c => c.uss),
    pss: run => runMedian(run, c => c.pss),
    rss: run => runMedian(run, c => c.rss),
    cowLoss: run => median(cowLosses(run)),
    treePss: runTreePss
};
/** How far apart the runs of one strategy landed on one figure: max − min; 0 for a single run. */
function runSpread(strategy, figure) {
    if (strategy.runs.length === 0)
        return 0;
    const values = strategy.runs.map(PER_RUN[figure]);
    return maximum(values) - minimum(values);
}
/**
 * One figure on both sides. A move is marked only when it is larger than the noise (what repeats
 * of the same code moved by) and not negligible (at least NEGLIGIBLE_CHANGE of the base).
 */
function compareFigure(base, head, figure) {
    const before = SUMMARY[figure](base.summary);
    const after = SUMMARY[figure](head.summary);
    const delta = after - before;
    const change = before > 0 ? delta / before : null;
    const noise = Math.max(runSpread(base, figure), runSpread(head, figure));
    const notable = Math.abs(delta) > noise &&
        (change === null ? delta !== 0 : Math.abs(change) >= NEGLIGIBLE_CHANGE);
    return {
        base: before,
        head: after,
        delta,
        change,
        noise,
        shift: notable ? (delta > 0 ? 'up' : 'down') : null
    };
}
/** Every strategy measured on both sides, in the head's order; the rest listed by side. */
function compareStrategies(base, head) {
    const baseByName = new Map(base.map(s => [s.name, s]));
    const headNames = new Set(head.map(s => s.name));
    return {
        strategies: head.flatMap(h => {
            const b = baseByName.get(h.name);
            if (b === undefined)
                return [];
            const figures = Object.fromEntries(FIGURES.map(figure => [figure, compareFigure(b, h, figure)]));
            return [{ name: h.name, figures }];
        }),
        headOnly: head.filter(s => !baseByName.has(s.name)).map(s => s.name),
        baseOnly: base.filter(s => !headNames.has(s.name)).map(s => s.name)
    };
}

;// CONCATENATED MODULE: ./src/compare/schema.ts
/** The results files this version reads: schema 1, written before comparisons, and the current one. */

/** Every schema this version reads. */
const READABLE_SCHEMAS = [1, types_RESULTS_SCHEMA];
/** What comparing added to the results; a schema 1 file has none of it. */
const COMPARED_FIELDS = ['label', 'base', 'comparison'];

;// CONCATENATED MODULE: ./src/compare/results.ts
/** Builds results with their base from a head, and reads the parts of any stored results. */



/** The base side from results measured at the base (in a worktree, or an earlier run's file). */
function results_measuredBase(results, origin) {
    return {
        status: 'measured',
        origin,
        target: results.target,
        workers: results.workers,
        repeat: results.repeat,
        environment: results.environment,
        strategies: results.strategies
    };
}
/** The head's results with the base and the comparison when there is a base, and the label. */
function withBase(head, base, label = null) {
    const compared = { ...results_headResults(head) };
    if (label !== null && label !== '')
        compared.label = label;
    if (base !== null) {
        compared.base = base;
        if (base.status === 'measured') {
            compared.comparison = compareStrategies(base.strategies, head.strategies);
        }
    }
    return compared;
}
/** The head side alone, without what comparing added, for the reports that render one side. */
function results_headResults(stored) {
    const fields = COMPARED_FIELDS;
    const head = Object.fromEntries(Object.entries(stored).filter(([key]) => !fields.includes(key)));
    return { ...head, schema: types_RESULTS_SCHEMA };
}
function labelOf(stored) {
    return stored.schema === RESULTS_SCHEMA ? (stored.label ?? null) : null;
}
function results_baseOf(stored) {
    return stored.schema === types_RESULTS_SCHEMA ? (stored.base ?? null) : null;
}
/**
 * The comparison, recomputed from both sides rather than trusted from the file: a file edited by
 * hand or written by an older version still gets figures that match its own runs.
 */
function results_comparisonOf(stored) {
    const base = results_baseOf(stored);
    return base?.status === 'measured' ? compareStrategies(base.strategies, stored.strategies) : null;
}

;// CONCATENATED MODULE: ./src/compare/target-presence.ts
/**
 * Whether the base has the target at all: the pull request that adds the action usually adds the
 * entrypoint too, and then there is nothing to compare with.
 */


/**
 * Where what `spec` imports may live, relative to the working directory: the file itself for a
 * file spec; for a module spec its `.py`, its package's `__init__.py`, or a namespace directory.
 */
function specPaths(spec) {
    const colon = spec.lastIndexOf(':');
    const target = colon === -1 ? spec : spec.slice(0, colon);
    // As the harness decides: a file when it ends in .py or holds a slash, else a module.
    if (target.endsWith('.py') || target.includes('/'))
        return [target];
    const path = target.split('.').join('/');
    return [`${path}.py`, `${path}/__init__.py`, path];
}
/** Existence checks under the two working directories. */
function target_presence_treesAt(headDirectory, baseDirectory) {
    return {
        head: path => existsSync(resolve(headDirectory, path)),
        base: path => existsSync(resolve(baseDirectory, path))
    };
}
/**
 * The first path that the head's specs use and the base lacks, or null when the base has them all.
 * A spec found in neither tree (an installed package) is the same on both sides, so never missing.
 */
function target_presence_missingOnBase(specs, trees) {
    for (const spec of specs) {
        if (spec === null || spec === '')
            continue;
        const paths = specPaths(spec);
        const inHead = paths.find(path => trees.head(path));
        if (inHead !== undefined && !paths.some(path => trees.base(path)))
            return inHead;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/compare/against-base.ts
/**
 * Measures the head and, where the inputs ask for one, its base: the pull request's merge base in a
 * temporary worktree, run by run beside the head, or the figures of a baseline file.
 */










function named(deps, name) {
    return (deps.refer ?? (n => `input '${n}'`))(name);
}
/** How to measure without the base, for the end of every message about a base that failed. */
function wayOut(deps) {
    return `To measure the head alone, set ${named(deps, Inputs.CompareBase)} to false.`;
}
/**
 * What the head has and the base lacks: the working directory itself, or a file the entrypoint or
 * worker names. A command line names nothing this can check; a base without it fails its run.
 */
function missingTarget(settings, root, headDirectory, baseDirectory) {
    if (!existsSync(baseDirectory))
        return relative(root, headDirectory);
    if (settings.kind === 'command')
        return null;
    return missingOnBase([settings.entrypoint, settings.worker], treesAt(settings.workingDirectory, baseDirectory));
}
/** Adds the base's commit and the way out to a failed base run's message. */
function baseRunFailed(error, commit, deps) {
    return new MeasureError(`${error.message}\nThe base is the pull request's merge base ${shortCommit(commit)}: the ` +
        `same target failed there. ${wayOut(deps)}`, error.partial, { cause: error, side: 'base' });
}
/** The repository's top directory and the merge base, or why there is no repository to look in. */
async function locateMergeBase(git, commits, required, deps) {
    let root;
    try {
        root = await repositoryRoot(git);
    }
    catch (error) {
        const reason = `${git.directory} is not in a git repository`;
        const why = `${reason} (${error.message})`;
        if (required)
            throw new Error(`Cannot compare with the base: ${why}. ${wayOut(deps)}`);
        deps.log.warning(`Not comparing with the base: ${why}. Check the repository out with actions/checkout, or ` +
            `set ${named(deps, Inputs.CompareBase)} to false to measure the head alone without this warning.`);
        return { reason };
    }
    try {
        return { root, commit: await resolveMergeBase(git, commits, { info: deps.log.info }) };
    }
    catch (error) {
        if (error instanceof MergeBaseError) {
            throw new Error(`${error.message} ${wayOut(deps)}`, { cause: error });
        }
        throw error;
    }
}
/** Inside the base's worktree: the head and the base in turn, or what the base lacks. */
async function measureOnBase(settings, { root, worktree, headDirectory, commit }, deps) {
    let baseDirectory;
    try {
        baseDirectory = pathInWorktree(root, worktree, headDirectory);
    }
    catch (error) {
        throw new Error(`${error.message} ${wayOut(deps)}`, { cause: error });
    }
    const missing = missingTarget(settings, root, headDirectory, baseDirectory);
    if (missing !== null)
        return { missing };
    deps.log.info(`The base is checked out at ${worktree}`);
    try {
        const base = { workingDirectory: baseDirectory, commit };
        return { pair: await measureWithBase(settings, base, deps) };
    }
    catch (error) {
        if (error instanceof MeasureError && error.side === 'base') {
            throw baseRunFailed(error, commit, deps);
        }
        throw error;
    }
}
async function againstMergeBase(settings, commits, required, deps) {
    const { log } = deps;
    const git = deps.git(settings.workingDirectory);
    log.startGroup('Base');
    let located;
    try {
        located = await locateMergeBase(git, commits, required, deps);
        if ('commit' in located) {
            log.info(`Base: ${shortCommit(located.commit)}, the merge base of the pull request's base ` +
                `${shortCommit(commits.base)} and head ${shortCommit(commits.head)}`);
        }
    }
    finally {
        log.endGroup();
    }
    if (!('commit' in located)) {
        return { head: await measure(settings, deps), base: null, reason: located.reason };
    }
    const { root, commit } = located;
    const origin = { kind: 'merge-base', commit, pullRequest: commits };
    const headDirectory = realpathSync(settings.workingDirectory);
    let outcome;
    try {
        const onBase = (worktree) => measureOnBase(settings, { root, worktree, headDirectory, commit }, deps);
        outcome = await withWorktree(git, commit, onBase, {
            parent: deps.tempDirectory,
            warning: log.warning
        });
    }
    catch (error) {
        // Only checking the base out runs git here.
        if (!(error instanceof GitError))
            throw error;
        throw new Error(`Could not check the base ${shortCommit(commit)} out: ${error.message}. ${wayOut(deps)}`, { cause: error });
    }
    if ('pair' in outcome) {
        return { head: outcome.pair.head, base: measuredBase(outcome.pair.base, origin) };
    }
    // Measured after the worktree is gone: nothing of the base is needed, and nothing is left over.
    log.info(`The base ${shortCommit(commit)} has no ${outcome.missing}, which the head measures: the ` +
        'pull request adds the target, so the head is measured alone.');
    return {
        head: await measure(settings, deps),
        base: { status: 'missing-target', origin, missing: outcome.missing }
    };
}
/** The base side of a baseline file: its own figures, and its commit when it names one. */
function baselineSide(file, results) {
    return results_measuredBase(results, {
        kind: 'baseline',
        file,
        commit: results.environment.gitSha ?? null
    });
}
/** Measures the head and the base `request` names. */
async function measureAgainstBase(settings, request, deps) {
    switch (request.kind) {
        case 'none':
            return { head: await measure(settings, deps), base: null, reason: request.reason };
        case 'baseline':
            return {
                head: await measure(settings, deps),
                base: baselineSide(request.file, request.results)
            };
        case 'merge-base':
            return againstMergeBase(settings, request.commits, request.required, deps);
    }
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Number and text formatting shared by the Markdown and terminal reports. */
const KIB = 1024;
const MIB = 1024 * KIB;
/** The real minus sign: it lines up with "+" and reads as a sign, not a hyphen. */
const MINUS = '−';
function groupThousands(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function unsigned(bytes, decimals) {
    const kib = Math.round(bytes / KIB);
    if (kib < 1024)
        return `${kib} KiB`;
    const [whole, fraction] = (bytes / MIB).toFixed(decimals).split('.');
    return `${groupThousands(whole)}${fraction === undefined ? '' : `.${fraction}`} MiB`;
}
function isZero(text) {
    return !/[1-9]/.test(text);
}
/** "101.3 MiB"; below 1 MiB whole KiB ("812 KiB"); negatives take a real minus sign. */
function format_formatMiB(bytes, decimals = 1) {
    const text = unsigned(Math.abs(bytes), decimals);
    return bytes < 0 && !isZero(text) ? `${MINUS}${text}` : text;
}
/** Like formatMiB with an explicit sign: "+1.2 MiB", "−812 KiB"; no sign when it rounds to zero. */
function format_formatSignedMiB(bytes, decimals = 1) {
    const text = unsigned(Math.abs(bytes), decimals);
    if (isZero(text))
        return text;
    return `${bytes < 0 ? MINUS : '+'}${text}`;
}
/** A fraction as a percentage with one decimal: 0.989 → "98.9%". */
function formatPercent(fraction) {
    const text = `${Math.abs(fraction * 100).toFixed(1)}%`;
    return fraction < 0 && !isZero(text) ? `${MINUS}${text}` : text;
}
/** A signed change: −0.989 → "−98.9%", 0.005 → "+0.5%"; no sign when it rounds to zero. */
function format_formatSignedPercent(fraction) {
    const text = `${Math.abs(fraction * 100).toFixed(1)}%`;
    if (isZero(text))
        return text;
    return `${fraction < 0 ? MINUS : '+'}${text}`;
}
/** A whole count with thousands separators: 187316 → "187,316". */
function formatCount(count) {
    const text = groupThousands(String(Math.round(Math.abs(count))));
    return count < 0 && text !== '0' ? `${MINUS}${text}` : text;
}
/** "4 workers", "1 worker". */
function format_countOf(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
/** "5.8–6.0 MiB" when both ends share a unit, else "1,020 KiB–1.1 MiB"; one figure when they agree. */
function formatRange(min, max, decimals = 1) {
    const low = format_formatMiB(min, decimals);
    const high = format_formatMiB(max, decimals);
    if (low === high)
        return low;
    const unit = / [KM]iB$/.exec(low)?.[0];
    return unit !== undefined && high.endsWith(unit)
        ? `${low.slice(0, -unit.length)}–${high}`
        : `${low}–${high}`;
}
/** "250ms", "2s", "1.25s": a duration in the form the inputs take it. */
function formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)}ms` : `${Number((ms / 1000).toFixed(2))}s`;
}
const MARKDOWN_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;'
};
/**
 * Makes user-controlled text (module names, paths, labels) inert in Markdown: it cannot end a table
 * cell, open a code span, emphasis, link or math, or inject HTML, and it stays on one line.
 */
function format_escapeMarkdown(text) {
    return text
        .replace(/\r\n|[\r\n]/g, ' ')
        .replace(/[&<>]/g, c => MARKDOWN_ESCAPES[c])
        .replace(/[\\|`*_[\]~$]/g, c => `\\${c}`);
}
/** A limit as the user likely wrote it: "150 MiB" rather than "150.0 MiB". */
function formatLimit(bytes) {
    return format_formatMiB(bytes, bytes % MIB === 0 ? 0 : 1);
}

;// CONCATENATED MODULE: ./src/gate.ts



/** Per-child USS that `freeze` saves over `none`, in percent of `none`; null unless both ran. */
function freezeSaving(results) {
    const none = findStrategy(results, 'none');
    const freeze = findStrategy(results, 'freeze');
    if (!none || !freeze || none.summary.uss.median <= 0)
        return null;
    return (1 - freeze.summary.uss.median / none.summary.uss.median) * 100;
}
function limitCheck(results, strategy, figure, limit) {
    const label = `${strategy}'s per-child ${figure.toUpperCase()}`;
    const rule = `fails if ${label} > ${formatLimit(limit)}`;
    const measured = findStrategy(results, strategy);
    if (!measured)
        return { rule, observed: `${strategy} was not measured`, passed: false };
    const median = measured.summary[figure].median;
    const passed = median <= limit;
    // A figure just over the limit would round to it: show enough digits to see why it failed.
    const shown = !passed && format_formatMiB(median) === format_formatMiB(limit) ? format_formatMiB(median, 3) : format_formatMiB(median);
    return { rule, observed: `${label} is ${shown}`, passed };
}
function savingCheck(results, least) {
    const rule = `fails if freeze saves less than ${least}% of none's per-child USS`;
    const saving = freezeSaving(results);
    if (saving === null) {
        return { rule, observed: 'none and freeze were not both measured', passed: false };
    }
    // A freeze that never ran (a server that forks from C) leaves nothing but noise to judge.
    const { missed, total } = hookMisses(findStrategy(results, 'freeze')?.runs ?? [], 'freeze');
    if (missed > 0) {
        return {
            rule,
            observed: `freeze was not applied: the strategy hook did not reach ${missed} of ${total} ` +
                'workers (see the warning)',
            passed: false
        };
    }
    const none = findStrategy(results, 'none')?.summary.uss.median ?? 0;
    const freeze = findStrategy(results, 'freeze')?.summary.uss.median ?? 0;
    const passed = saving >= least;
    // 79.96% must not read as "80.0%" next to a failed "less than 80%".
    const shown = !passed && Number(formatPercent(saving / 100).replace(/[^\d.]/g, '')) >= least
        ? `${saving.toFixed(3)}%`
        : formatPercent(saving / 100);
    return {
        rule,
        observed: `freeze saves ${shown} (${format_formatMiB(none)} → ${format_formatMiB(freeze)})`,
        passed
    };
}
/** Judges results against the configured limits. A limit that is not set yields no check. */
function judge(results, gate) {
    const checks = [];
    if (gate.maxUss !== null)
        checks.push(limitCheck(results, gate.strategy, 'uss', gate.maxUss));
    if (gate.maxPss !== null)
        checks.push(limitCheck(results, gate.strategy, 'pss', gate.maxPss));
    if (gate.minFreezeSaving !== null)
        checks.push(savingCheck(results, gate.minFreezeSaving));
    return { passed: checks.every(c => c.passed), enforced: gate.failOnThreshold, checks };
}

;// CONCATENATED MODULE: ./src/sizes.ts
/** Parsers for the human-friendly quantities users write in inputs. Each returns null when invalid. */
const SIZE_UNITS = new Map([
    ['', 1],
    ['b', 1],
    ['kb', 1e3],
    ['mb', 1e6],
    ['gb', 1e9],
    ['kib', 2 ** 10],
    ['mib', 2 ** 20],
    ['gib', 2 ** 30]
]);
const DURATION_UNITS = new Map([
    ['ms', 1],
    ['s', 1000],
    ['m', 60_000],
    ['h', 3_600_000]
]);
/** Longest accepted duration; also keeps timers far below Node's 2^31 − 1 ms ceiling. */
const MAX_DURATION_MS = 24 * 3_600_000;
const SIZE_FORMS = 'a size such as 150MiB, 1.5GB or 1048576 (B, KB, MB, GB, KiB, MiB, GiB)';
const DURATION_FORMS = 'a duration from 1ms to 24h such as 90s, 5m or 1h (a bare number is seconds)';
/** A non-negative decimal, then an optional unit made of letters or `%`. */
const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z%]*)$/i;
function quantity(text) {
    const match = QUANTITY.exec(text.trim());
    return match ? { value: Number(match[1]), unit: match[2].toLowerCase() } : null;
}
/** Bytes from `1048576`, `512 B`, `1.5GB` (10^n) or `150MiB` (2^n); null unless at least one byte. */
function parseSize(text) {
    const q = quantity(text);
    const scale = q && SIZE_UNITS.get(q.unit);
    if (!q || !scale)
        return null;
    const bytes = Math.round(q.value * scale);
    return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null;
}
/** Milliseconds from `500ms`, `90s`, `5m`, `1h` or a bare number of seconds; null unless 1ms–24h. */
function parseDuration(text) {
    const q = quantity(text);
    const scale = q && DURATION_UNITS.get(q.unit === '' ? 's' : q.unit);
    if (!q || !scale)
        return null;
    const ms = Math.round(q.value * scale);
    return ms >= 1 && ms <= MAX_DURATION_MS ? ms : null;
}
/** A percentage from 0 to 100, written `10` or `10%`. */
function parsePercent(text) {
    const q = quantity(text);
    if (!q || (q.unit !== '' && q.unit !== '%'))
        return null;
    return q.value <= 100 ? q.value : null;
}

;// CONCATENATED MODULE: ./src/compare/limits.ts


const REGRESSION_FORMS = 'a percentage such as 10%, a size such as 8MiB (B, KB, MB, GB, KiB, MiB, GiB), or both ' +
    'separated by a comma (10%, 8MiB: both must be exceeded)';
const PERCENT = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/;
/**
 * `10%`, `8MiB`, or both in either order (`10%, 8MiB`); null for anything else, so the caller
 * can name the input. A percentage needs its `%`: a bare number is a size in bytes.
 */
function parseRegressionLimit(text) {
    const parts = text.split(/[,\n]/).map(part => part.trim());
    if (parts.length > 2 || parts.some(part => part === ''))
        return null;
    const limit = { percent: null, bytes: null };
    for (const part of parts) {
        const percent = PERCENT.exec(part);
        if (percent !== null) {
            if (limit.percent !== null)
                return null;
            limit.percent = Number(percent[1]);
            continue;
        }
        // A bare number is refused: "10" meant as 10% would silently become 10 bytes.
        const bytes = /[a-z]$/i.test(part) ? parseSize(part) : null;
        if (bytes === null || limit.bytes !== null)
            return null;
        limit.bytes = bytes;
    }
    return limit;
}
/** "> 10% and > 8 MiB". */
function describeLimit(limit) {
    const parts = [
        limit.percent === null ? null : `> ${limit.percent}%`,
        limit.bytes === null ? null : `> ${formatLimit(limit.bytes)}`
    ];
    return parts.filter(part => part !== null).join(' and ');
}
/** Whether the growth exceeds every part of the limit. */
function exceeds(figure, limit) {
    // delta × 100 > percent × base, not delta / base > percent / 100: no rounding at the boundary,
    // and growth from a zero base counts as over any percentage.
    const overPercent = limit.percent === null || figure.delta * 100 > limit.percent * figure.base;
    const overBytes = limit.bytes === null || figure.delta > limit.bytes;
    return overPercent && overBytes;
}
/** "grew by 12.3 MiB (+11.8%): 104.1 MiB → 116.4 MiB". */
function describeGrowth(figure) {
    const { base, head, delta, change } = figure;
    const span = `${format_formatMiB(base)} → ${format_formatMiB(head)}`;
    if (format_formatMiB(Math.abs(delta)) === format_formatMiB(0))
        return `did not change: ${span}`;
    const percent = change === null ? '' : ` (${format_formatSignedPercent(change)})`;
    return `${delta > 0 ? 'grew' : 'shrank'} by ${format_formatMiB(Math.abs(delta))}${percent}: ${span}`;
}
/**
 * A check per set limit that says it was not judged, and why: there is nothing to compare with.
 * The check passes; the report shows the limit and the reason rather than no limit at all.
 */
function unjudgedRegression(limits, gateStrategy, why) {
    return ['uss', 'pss'].flatMap(figure => {
        const limit = limits[figure];
        if (limit === null)
            return [];
        const rule = `fails if ${gateStrategy}'s per-child ${figure.toUpperCase()} grows by ${describeLimit(limit)}`;
        return [{ rule, observed: `not judged: ${why}`, passed: true, judged: false }];
    });
}
/**
 * A check per set limit, in the gate's shape: the gate strategy's median per-child figure, head
 * against base. A strategy missing from either side fails its check: there is nothing to judge.
 */
function judgeRegression(comparison, limits, gateStrategy) {
    const compared = comparison.strategies.find(s => s.name === gateStrategy);
    const checks = [];
    for (const figure of ['uss', 'pss']) {
        const limit = limits[figure];
        if (limit === null)
            continue;
        const label = `${gateStrategy}'s per-child ${figure.toUpperCase()}`;
        const rule = `fails if ${label} grows by ${describeLimit(limit)}`;
        if (compared === undefined) {
            checks.push({
                rule,
                observed: `${gateStrategy} was not measured on both the base and the head`,
                passed: false
            });
            continue;
        }
        const measured = compared.figures[figure];
        checks.push({
            rule,
            observed: `${label} ${describeGrowth(measured)}`,
            passed: !exceeds(measured, limit)
        });
    }
    return checks;
}

;// CONCATENATED MODULE: ./src/compare/judge.ts
/** The verdict on results that may have been compared with a base. */



/** Why the growth limits of results without a measured base were not judged. */
function unjudgedReason(results, noBase) {
    const base = results_baseOf(results);
    return base?.status === 'missing-target' ? `the base has no ${base.missing}` : noBase;
}
/**
 * The limits on the head's own figures and, when a base was measured, on how much the head grew.
 * Without a measured base the growth limits pass as not judged, saying why: `noBase` when there
 * was no base at all.
 */
function judgeResults(results, gate, regression, noBase = 'there is no base to compare with') {
    const verdict = judge(results_headResults(results), gate);
    const comparison = results_comparisonOf(results);
    const growth = comparison === null
        ? unjudgedRegression(regression, gate.strategy, unjudgedReason(results, noBase))
        : judgeRegression(comparison, regression, gate.strategy);
    const checks = [...verdict.checks, ...growth];
    return { ...verdict, passed: checks.every(c => c.passed), checks };
}

;// CONCATENATED MODULE: ./src/compare/read-results.ts
/** Reads results files of every schema this version knows, and says what is wrong with others. */



/** A results file that cannot be used; the message names the file. */
class ResultsFileError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'ResultsFileError';
    }
}
/** What was found where something else was expected: `an array`, `the string "12"`. */
function found(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value) ?? String(value);
    return `the ${typeof value} ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}
/**
 * Checks the parts of a results file that the comparison and the reports read. Each check returns
 * the value with its type, or throws naming the path inside the file: `strategies[1].summary.uss`.
 */
class Shape {
    file;
    constructor(file) {
        this.file = file;
    }
    problem(problem) {
        throw new ResultsFileError(`${this.file}: ${problem}. Is it a results file written by Prefork Memory Check?`);
    }
    fail(at, expected, value) {
        this.problem(value === undefined ? `${at} is missing` : `${at} must be ${expected}, not ${found(value)}`);
    }
    object(value, at) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            this.fail(at, 'an object', value);
        }
        return value;
    }
    array(value, at, nonEmpty = false) {
        if (!Array.isArray(value))
            this.fail(at, 'an array', value);
        if (nonEmpty && value.length === 0)
            this.problem(`${at} is empty`);
        return value;
    }
    number(value, at) {
        if (typeof value !== 'number' || !Number.isFinite(value))
            this.fail(at, 'a number', value);
        return value;
    }
    count(value, at, least) {
        if (!Number.isSafeInteger(value) || value < least) {
            this.fail(at, `a whole number of at least ${least}`, value);
        }
        return value;
    }
    string(value, at) {
        if (typeof value !== 'string')
            this.fail(at, 'a string', value);
        return value;
    }
    boolean(value, at) {
        if (typeof value !== 'boolean')
            this.fail(at, 'true or false', value);
        return value;
    }
    optionalString(value, at) {
        if (value !== undefined && value !== null)
            this.string(value, at);
    }
    numbers(value, at, keys) {
        const object = this.object(value, at);
        for (const key of keys)
            this.number(object[key], `${at}.${key}`);
    }
    environment(value, at) {
        const env = this.object(value, at);
        const python = this.object(env.python, `${at}.python`);
        for (const key of ['executable', 'version', 'implementation']) {
            this.string(python[key], `${at}.python.${key}`);
        }
        this.boolean(python.freeThreaded, `${at}.python.freeThreaded`);
        this.boolean(python.incrementalGc, `${at}.python.incrementalGc`);
        for (const key of ['kernel', 'transparentHugepages', 'runner', 'timestamp']) {
            this.string(env[key], `${at}.${key}`);
        }
        this.number(env.pageSize, `${at}.pageSize`);
        this.number(env.cpus, `${at}.cpus`);
        this.optionalString(env.gitSha, `${at}.gitSha`);
    }
    target(value, at) {
        const target = this.object(value, at);
        // Which of these a target has depends on how it runs; it has at least one.
        if (typeof target.entrypoint !== 'string' && typeof target.command !== 'string') {
            this.fail(`${at}.entrypoint`, 'a string', target.entrypoint);
        }
    }
    sample(value, at) {
        this.numbers(value, at, ['pid', 'rss', 'pss', 'uss']);
    }
    run(value, at) {
        const run = this.object(value, at);
        this.number(run.index, `${at}.index`);
        this.number(run.repeat, `${at}.repeat`);
        const phases = this.object(run.phases, `${at}.phases`);
        for (const phase of PHASES) {
            const where = `${at}.phases.${phase}`;
            const samples = this.object(phases[phase], where);
            this.sample(samples.parent, `${where}.parent`);
            const children = this.array(samples.children, `${where}.children`, true);
            children.forEach((child, i) => this.sample(child, `${where}.children[${i}]`));
        }
    }
    strategies(value, at) {
        const seen = new Set();
        this.array(value, at, true).forEach((item, i) => {
            const where = `${at}[${i}]`;
            const strategy = this.object(item, where);
            const name = this.string(strategy.name, `${where}.name`);
            if (!types_STRATEGIES.includes(name)) {
                this.fail(`${where}.name`, `one of ${types_STRATEGIES.join(', ')}`, name);
            }
            if (seen.has(name))
                this.fail(`${where}.name`, 'a strategy not listed before', name);
            seen.add(name);
            const summary = this.object(strategy.summary, `${where}.summary`);
            for (const figure of ['uss', 'pss', 'rss', 'cowLoss']) {
                this.numbers(summary[figure], `${where}.summary.${figure}`, ['median', 'min', 'max']);
            }
            this.number(summary.treePss, `${where}.summary.treePss`);
            this.numbers(strategy.parent, `${where}.parent`, ['uss', 'pss', 'rss']);
            const runs = this.array(strategy.runs, `${where}.runs`, true);
            runs.forEach((run, r) => this.run(run, `${where}.runs[${r}]`));
        });
    }
    /** What schema 1 holds, at the top level or in a measured base. */
    measured(value, at) {
        const prefix = at === '' ? '' : `${at}.`;
        this.target(value.target, `${prefix}target`);
        this.count(value.workers, `${prefix}workers`, 1);
        this.count(value.repeat, `${prefix}repeat`, 1);
        this.environment(value.environment, `${prefix}environment`);
        this.strategies(value.strategies, `${prefix}strategies`);
    }
    base(value) {
        const base = this.object(value, 'base');
        const origin = this.object(base.origin, 'base.origin');
        if (origin.kind === 'merge-base') {
            this.string(origin.commit, 'base.origin.commit');
        }
        else if (origin.kind === 'baseline') {
            this.string(origin.file, 'base.origin.file');
            this.optionalString(origin.commit, 'base.origin.commit');
        }
        else {
            this.fail('base.origin.kind', "'merge-base' or 'baseline'", origin.kind);
        }
        if (base.status === 'measured')
            this.measured(base, 'base');
        else if (base.status === 'missing-target')
            this.string(base.missing, 'base.missing');
        else
            this.fail('base.status', "'measured' or 'missing-target'", base.status);
    }
}
/** Parses and checks the text of a results file; `file` names it in every message. */
function parseResults(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new ResultsFileError(`${file} is not JSON: ${error.message}`, {
            cause: error
        });
    }
    const shape = new Shape(file);
    const top = shape.object(data, 'the top level');
    const readable = READABLE_SCHEMAS.join(' and ');
    if (!('schema' in top)) {
        throw new ResultsFileError(`${file} has no schema field, so it is not a results file of Prefork Memory Check ` +
            `(this version reads schemas ${readable}).`);
    }
    if (!READABLE_SCHEMAS.includes(top.schema)) {
        throw new ResultsFileError(`${file} has schema ${JSON.stringify(top.schema)}; this version reads ${readable}. ` +
            'Read it with the version of Prefork Memory Check that wrote it (its tool.version) or a newer one.');
    }
    const tool = shape.object(top.tool, 'tool');
    shape.string(tool.name, 'tool.name');
    shape.string(tool.version, 'tool.version');
    shape.measured(top, '');
    if (top.schema !== 1) {
        shape.optionalString(top.label, 'label');
        if (top.base !== undefined)
            shape.base(top.base);
        if (top.comparison !== undefined)
            shape.object(top.comparison, 'comparison');
    }
    return top;
}
/** Reads and checks a results file from disk. */
function readResultsFile(path) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new ResultsFileError(`Could not read ${path}: ${error.message}`, {
            cause: error
        });
    }
    return parseResults(text, path);
}

;// CONCATENATED MODULE: ./src/inputs.ts







const COMMENT_MODES = ['always', 'on-failure', 'never'];
/** `measure` runs the target; `report` merges the results files of earlier runs into one comment. */
const MODES = (/* unused pure expression or super */ null && (['measure', 'report']));
/** `auto`: compare with the pull request's base when the event has one and no baseline is set. */
const COMPARE_BASE = ['auto', 'true', 'false'];
/** Defaults of the inputs that have a fixed one; action.yml declares the same. */
const DEFAULTS = {
    [constants_Inputs.Iterations]: '1',
    [constants_Inputs.SampleInterval]: '500ms',
    [constants_Inputs.Workers]: '4',
    [constants_Inputs.Strategies]: 'none, freeze',
    [constants_Inputs.Repeat]: '3',
    [constants_Inputs.Python]: 'python3',
    [constants_Inputs.WorkingDirectory]: '.',
    [constants_Inputs.Timeout]: '5m',
    [constants_Inputs.FailOnThreshold]: 'true',
    [constants_Inputs.Comment]: 'always',
    [constants_Inputs.CompareBase]: 'auto',
    [constants_Inputs.Mode]: 'measure'
};
/** All problems found in the inputs, one line each, so a user can fix them in one go. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? problems[0]
            : `${problems.length} inputs are invalid:\n${problems.map(p => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Quotes a user value for a message, one line and short enough to read. */
function shown(value) {
    const line = value.replace(/\r?\n/g, '\\n');
    return `'${line.length > 80 ? `${line.slice(0, 79)}…` : line}'`;
}
function listOf(values) {
    return values.join(', ');
}
/** Splits on commas and newlines, trims, drops empties and repeats, keeps the order given. */
function splitList(text) {
    const items = text
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(s => s !== '');
    return [...new Set(items)];
}
/** Dotted Python identifiers: `pkg.mod`, `App.create`. */
const DOTTED_NAME = /^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u;
/**
 * Whether the harness can resolve `spec`: a module or file, then optionally `:` and a dotted
 * attribute path, split at the last colon as the harness does. Module names are left to Python.
 */
function isImportSpec(spec) {
    const colon = spec.lastIndexOf(':');
    if (colon === -1)
        return true;
    return colon > 0 && DOTTED_NAME.test(spec.slice(colon + 1));
}
function isStrategy(name) {
    return types_STRATEGIES.includes(name);
}
/** Why `path` cannot be the working directory, or null when it can. */
function directoryProblem(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path).isDirectory() ? null : 'is not a directory';
    }
    catch {
        return 'does not exist';
    }
}
const IMPORT_SPEC_FORMS = "a Python import spec such as 'app.main', 'app.main:preload' or 'src/app.py:preload'";
/** Inputs that mean something to one kind of target only. */
const ENTRYPOINT_ONLY = [constants_Inputs.Worker, constants_Inputs.Iterations, constants_Inputs.Python];
const COMMAND_ONLY = [
    constants_Inputs.ReadyUrl,
    constants_Inputs.ReadyLog,
    constants_Inputs.LoadCommand,
    constants_Inputs.LoadDuration,
    constants_Inputs.SampleInterval
];
/** Samples closer together would load the runner more than the server; further apart say little. */
const SAMPLE_INTERVAL_MS = { min: 100, max: 3_600_000 };
function isHttpUrl(text) {
    try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    }
    catch {
        return false;
    }
}
/** The engine's reason a pattern does not compile ("Unterminated group"), or null when it does. */
function regexProblem(pattern) {
    try {
        new RegExp(pattern);
        return null;
    }
    catch (error) {
        return error.message.split(': ').pop() ?? 'invalid';
    }
}
/**
 * The target: `entrypoint` or `command`, exactly one, with the inputs that belong to it. Inputs of
 * the other kind are errors rather than silently ignored; null when no kind can be told.
 */
function readTarget(input) {
    const { value, subject, refer, reject, problem } = input;
    const entrypoint = value(constants_Inputs.Entrypoint);
    const command = value(constants_Inputs.Command);
    if (entrypoint !== '' && command !== '') {
        problem(`${subject(constants_Inputs.Entrypoint)} and ${refer(constants_Inputs.Command)} exclude each other; got both ` +
            `(${shown(entrypoint)} and ${shown(command)}). Keep ${refer(constants_Inputs.Entrypoint)} to preload ` +
            `a Python import spec and fork from it, or ${refer(constants_Inputs.Command)} to measure a server ` +
            'command line.');
        return null;
    }
    if (entrypoint === '' && command === '') {
        problem(`${subject(constants_Inputs.Entrypoint)} or ${refer(constants_Inputs.Command)} is required: ` +
            `${refer(constants_Inputs.Entrypoint)} is ${IMPORT_SPEC_FORMS} to preload and fork from, ` +
            `${refer(constants_Inputs.Command)} a server command line such as 'gunicorn --preload -w 4 app:app'.`);
        return null;
    }
    const { isSet } = input;
    if (command === '') {
        for (const name of COMMAND_ONLY.filter(isSet)) {
            problem(`${subject(name)} applies only to ${refer(constants_Inputs.Command)}; got ${shown(value(name))} with ` +
                `${refer(constants_Inputs.Entrypoint)}. Remove it, or measure a server command line with ` +
                `${refer(constants_Inputs.Command)}.`);
        }
        const worker = value(constants_Inputs.Worker) || null;
        for (const [name, spec] of [
            [constants_Inputs.Entrypoint, entrypoint],
            [constants_Inputs.Worker, worker ?? '']
        ]) {
            // A callable is named, not called: `app:create_app()` is a common carry-over from gunicorn.
            if (spec !== '' && !isImportSpec(spec))
                reject(name, spec, IMPORT_SPEC_FORMS);
        }
        return {
            kind: 'entrypoint',
            entrypoint,
            worker,
            iterations: input.wholeNumber(constants_Inputs.Iterations, 0, Number.MAX_SAFE_INTEGER),
            python: value(constants_Inputs.Python, DEFAULTS[constants_Inputs.Python])
        };
    }
    const instead = {
        [constants_Inputs.Worker]: `A server's work is the requests it serves: send them with ${refer(constants_Inputs.LoadCommand)}.`,
        [constants_Inputs.Iterations]: `Remove it: ${refer(constants_Inputs.LoadCommand)} decides how much work the workers do.`,
        [constants_Inputs.Python]: "The command starts its own interpreter: remove the input and name the interpreter in the command, such as 'python3.12 -m gunicorn …'."
    };
    for (const name of ENTRYPOINT_ONLY.filter(isSet)) {
        problem(`${subject(name)} does not apply to ${refer(constants_Inputs.Command)}; got ${shown(value(name))}. ` +
            instead[name]);
    }
    const url = value(constants_Inputs.ReadyUrl);
    const log = value(constants_Inputs.ReadyLog);
    if (url !== '' && log !== '') {
        problem(`${subject(constants_Inputs.ReadyUrl)} and ${refer(constants_Inputs.ReadyLog)} exclude each other; got both ` +
            `(${shown(url)} and ${shown(log)}). Keep the URL to wait for a 2xx answer, or the pattern ` +
            "to wait for a line of the server's output.");
    }
    else if (url !== '' && !isHttpUrl(url)) {
        reject(constants_Inputs.ReadyUrl, url, "an http:// or https:// URL such as 'http://127.0.0.1:8000/'");
    }
    const logIssue = log === '' ? null : regexProblem(log);
    if (logIssue !== null) {
        problem(`${subject(constants_Inputs.ReadyLog)} must be a regular expression (JavaScript syntax) such as ` +
            `'Booting worker'; got ${shown(log)}, which does not compile: ${logIssue}.`);
    }
    let ready = { kind: 'settle' };
    if (url !== '' && log === '')
        ready = { kind: 'url', url };
    if (log !== '' && url === '' && logIssue === null)
        ready = { kind: 'log', pattern: new RegExp(log) };
    const durationText = value(constants_Inputs.LoadDuration);
    const loadDurationMs = durationText === '' ? null : parseDuration(durationText);
    if (durationText !== '' && loadDurationMs === null) {
        reject(constants_Inputs.LoadDuration, durationText, DURATION_FORMS);
    }
    const intervalText = value(constants_Inputs.SampleInterval, DEFAULTS[constants_Inputs.SampleInterval]);
    const sampleIntervalMs = parseDuration(intervalText) ?? 0;
    if (sampleIntervalMs < SAMPLE_INTERVAL_MS.min || sampleIntervalMs > SAMPLE_INTERVAL_MS.max) {
        reject(constants_Inputs.SampleInterval, intervalText, 'a duration from 100ms to 1h such as 250ms or 2s');
    }
    return {
        kind: 'command',
        command,
        ready,
        loadCommand: value(constants_Inputs.LoadCommand) || null,
        loadDurationMs,
        sampleIntervalMs
    };
}
function defaultCommentKey(env) {
    return env.GITHUB_WORKFLOW && env.GITHUB_JOB
        ? `${env.GITHUB_WORKFLOW}/${env.GITHUB_JOB}`
        : 'default';
}
function createReader(read, refer) {
    const problems = [];
    const subject = (name) => refer(name).replace(/^./, c => c.toUpperCase());
    const value = (name, fallback = '') => read(name).trim() || fallback;
    const reject = (name, got, accepted) => {
        problems.push(`${subject(name)} must be ${accepted}; got ${shown(got)}.`);
    };
    const wholeNumber = (name, min, max) => {
        const text = value(name, DEFAULTS[name]);
        const n = /^\d+$/.test(text) ? Number(text) : NaN;
        if (n >= min && n <= max)
            return n;
        const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
        reject(name, text, `a whole number ${range}`);
        return min;
    };
    const isSet = (name) => {
        const text = value(name);
        return text !== '' && text !== DEFAULTS[name];
    };
    return {
        problems,
        value,
        subject,
        refer,
        reject,
        problem: text => problems.push(text),
        wholeNumber,
        isSet
    };
}
function readShared(input, env) {
    const { value, reject } = input;
    const size = (name) => {
        const text = value(name);
        if (text === '')
            return null;
        const bytes = parseSize(text);
        if (bytes === null)
            reject(name, text, SIZE_FORMS);
        return bytes;
    };
    const increase = (name) => {
        const text = value(name);
        if (text === '')
            return null;
        const limit = parseRegressionLimit(text);
        if (limit === null)
            reject(name, text, REGRESSION_FORMS);
        return limit;
    };
    const maxUss = size(constants_Inputs.MaxUss);
    const maxPss = size(constants_Inputs.MaxPss);
    const regression = { uss: increase(constants_Inputs.MaxUssIncrease), pss: increase(constants_Inputs.MaxPssIncrease) };
    const failText = value(constants_Inputs.FailOnThreshold, DEFAULTS[constants_Inputs.FailOnThreshold]);
    if (!TRUE.includes(failText) && !FALSE.includes(failText)) {
        reject(constants_Inputs.FailOnThreshold, failText, 'true or false');
    }
    const commentText = value(constants_Inputs.Comment, DEFAULTS[constants_Inputs.Comment]);
    const comment = COMMENT_MODES.find(mode => mode === commentText.toLowerCase());
    if (!comment)
        reject(constants_Inputs.Comment, commentText, `one of ${listOf(COMMENT_MODES)}`);
    // The key ends up inside an HTML comment that marks our PR comment.
    const commentKey = value(constants_Inputs.CommentKey, defaultCommentKey(env));
    if (/[\r\n]/.test(commentKey) || commentKey.includes('-->')) {
        reject(constants_Inputs.CommentKey, commentKey, "one line without '-->'");
    }
    return {
        maxUss,
        maxPss,
        regression,
        failOnThreshold: TRUE.includes(failText),
        comment: comment ?? 'always',
        commentKey,
        githubToken: value(constants_Inputs.GithubToken)
    };
}
/** One InputError with every problem; a token pasted into the wrong input is redacted. */
function inputError(input) {
    const token = input.value(constants_Inputs.GithubToken);
    const redact = (p) => (token ? p.split(token).join('***') : p);
    return new InputError(input.problems.map(redact));
}
function throwProblems(input) {
    if (input.problems.length > 0)
        throw inputError(input);
}
/** `min-freeze-saving` as a number, or null when not set. */
function readFreezeSaving(input) {
    const text = input.value(constants_Inputs.MinFreezeSaving);
    if (text === '')
        return null;
    const saving = parsePercent(text);
    if (saving === null) {
        input.reject(constants_Inputs.MinFreezeSaving, text, 'a percentage from 0 to 100 such as 50 or 50%');
    }
    return saving;
}
/**
 * The input `mode`: `measure` runs the target, `report` merges the results files of earlier runs.
 * Throws an InputError for anything else, since the other inputs mean something different in each.
 */
function getMode(read, refer = name => `input '${name}'`) {
    const input = createReader(read, refer);
    const text = input.value(Inputs.Mode, DEFAULTS[Inputs.Mode]);
    const mode = MODES.find(m => m === text.toLowerCase());
    if (mode === undefined)
        input.reject(Inputs.Mode, text, 'measure or report');
    throwProblems(input);
    return mode ?? 'measure';
}
/** What the head is compared with, from `compare-base`, `baseline` and the event. */
function readBase(input, workspace, env, pullRequest) {
    const { value, subject, refer, reject, problem } = input;
    const compareText = value(constants_Inputs.CompareBase, DEFAULTS[constants_Inputs.CompareBase]);
    const compare = COMPARE_BASE.find(c => c === compareText.toLowerCase());
    if (compare === undefined)
        reject(constants_Inputs.CompareBase, compareText, 'auto, true or false');
    const baselineText = value(constants_Inputs.Baseline);
    if (baselineText !== '') {
        if (compare === 'true') {
            problem(`${subject(constants_Inputs.CompareBase)} is true and ${refer(constants_Inputs.Baseline)} is set; they exclude ` +
                `each other. Keep ${refer(constants_Inputs.Baseline)} to compare with a results file, or ` +
                `${refer(constants_Inputs.CompareBase)} to measure the pull request's base in this job.`);
            return { kind: 'none', reason: 'the inputs are invalid' };
        }
        try {
            const results = readResultsFile((0,external_node_path_namespaceObject.resolve)(workspace, baselineText));
            return { kind: 'baseline', file: baselineText, results };
        }
        catch (error) {
            if (!(error instanceof ResultsFileError))
                throw error;
            problem(`${subject(constants_Inputs.Baseline)} must be a results file of Prefork Memory Check; got ` +
                `${shown(baselineText)}: ${error.message} Download it first (actions/download-artifact), ` +
                `or leave ${refer(constants_Inputs.Baseline)} empty.`);
            return { kind: 'none', reason: 'the inputs are invalid' };
        }
    }
    if (compare === 'false') {
        return { kind: 'none', reason: `${refer(constants_Inputs.CompareBase)} is false` };
    }
    if (pullRequest === null) {
        const event = env.GITHUB_EVENT_NAME ? `this ${env.GITHUB_EVENT_NAME} event` : 'this run';
        if (compare === 'true') {
            problem(`${subject(constants_Inputs.CompareBase)} is true, but ${event} has no pull request to take a base ` +
                `from. Use auto to compare on pull requests only, or set ${refer(constants_Inputs.Baseline)} to ` +
                'a results file to compare with.');
        }
        return {
            kind: 'none',
            reason: `${event} has no pull request and ${refer(constants_Inputs.Baseline)} is empty`
        };
    }
    return { kind: 'merge-base', commits: pullRequest, required: compare === 'true' };
}
/**
 * Reads every input of `mode: measure` through `read` (which returns '' for an unset input) and
 * validates them all. Throws one InputError listing every problem; nothing has run at that point.
 * `refer` names an input in messages, so the CLI can speak of its flags instead. `pullRequest` is
 * the event's pull request, whose base `compare-base` measures; null for none.
 */
function getSettings(read, env = process.env, refer = name => `input '${name}'`, pullRequest = null) {
    const input = createReader(read, refer);
    const { value, subject, reject, problem, wholeNumber } = input;
    const problems = input.problems;
    const target = readTarget(input);
    const workers = wholeNumber(constants_Inputs.Workers, 1, 1024);
    const repeat = wholeNumber(constants_Inputs.Repeat, 1, 100);
    const strategiesText = value(constants_Inputs.Strategies, DEFAULTS[constants_Inputs.Strategies]);
    const named = splitList(strategiesText);
    const unknown = named.filter(name => !isStrategy(name));
    const strategies = named.filter(isStrategy);
    const strategiesValid = unknown.length === 0 && strategies.length > 0;
    if (!strategiesValid) {
        const why = unknown.length > 0 ? ` (unknown: ${listOf(unknown)})` : '';
        problems.push(`${subject(constants_Inputs.Strategies)} must list one or more of ${listOf(types_STRATEGIES)}, ` +
            `comma- or newline-separated; got ${shown(strategiesText)}${why}.`);
    }
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const directoryText = value(constants_Inputs.WorkingDirectory, DEFAULTS[constants_Inputs.WorkingDirectory]);
    const workingDirectory = (0,external_node_path_namespaceObject.resolve)(workspace, directoryText);
    const directoryIssue = directoryProblem(workingDirectory);
    if (directoryIssue) {
        problems.push(`${subject(constants_Inputs.WorkingDirectory)} must be an existing directory; got ` +
            `${shown(directoryText)}, which resolves to ${workingDirectory} and ${directoryIssue}.`);
    }
    const timeoutText = value(constants_Inputs.Timeout, DEFAULTS[constants_Inputs.Timeout]);
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === null)
        reject(constants_Inputs.Timeout, timeoutText, DURATION_FORMS);
    const gateText = value(constants_Inputs.GateStrategy);
    let gateStrategy = strategies.includes('freeze') ? 'freeze' : (strategies[0] ?? 'none');
    if (gateText !== '') {
        if (isStrategy(gateText) && (!strategiesValid || strategies.includes(gateText))) {
            gateStrategy = gateText;
        }
        else {
            const among = strategiesValid ? strategies : types_STRATEGIES;
            reject(constants_Inputs.GateStrategy, gateText, `one of the measured strategies (${listOf(among)})`);
        }
    }
    const shared = readShared(input, env);
    const minFreezeSaving = readFreezeSaving(input);
    if (minFreezeSaving !== null &&
        strategiesValid &&
        !(strategies.includes('none') && strategies.includes('freeze'))) {
        problem(`${subject(constants_Inputs.MinFreezeSaving)} compares freeze with none, so ${refer(constants_Inputs.Strategies)} ` +
            `must include both; got ${shown(strategiesText)}.`);
    }
    const base = readBase(input, workspace, env, pullRequest);
    const label = value(constants_Inputs.Label);
    if (/[\r\n]/.test(label))
        reject(constants_Inputs.Label, label, 'one line');
    const resultsGlob = value(constants_Inputs.ResultsGlob);
    if (resultsGlob !== '') {
        problem(`${subject(constants_Inputs.ResultsGlob)} applies only to ${refer(constants_Inputs.Mode)} report; got ` +
            `${shown(resultsGlob)}. Set ${refer(constants_Inputs.Mode)} to report to merge the results files ` +
            'of earlier runs, or remove it.');
    }
    // A target is missing only with a problem that says why.
    if (problems.length > 0 || target === null)
        throw inputError(input);
    const common = { workers, strategies, repeat, workingDirectory, timeoutMs: timeoutMs ?? 0 };
    return {
        measure: { ...target, ...common },
        gate: {
            strategy: gateStrategy,
            maxUss: shared.maxUss,
            maxPss: shared.maxPss,
            minFreezeSaving,
            failOnThreshold: shared.failOnThreshold
        },
        regression: shared.regression,
        base,
        label: label === '' ? null : label,
        comment: shared.comment,
        commentKey: shared.commentKey,
        githubToken: shared.githubToken
    };
}
/** Inputs that `mode: report` has no use for: it measures nothing and reads what others wrote. */
const MEASURE_ONLY = [
    constants_Inputs.Entrypoint,
    constants_Inputs.Command,
    ...ENTRYPOINT_ONLY,
    ...COMMAND_ONLY,
    constants_Inputs.Workers,
    constants_Inputs.Strategies,
    constants_Inputs.Repeat,
    constants_Inputs.WorkingDirectory,
    constants_Inputs.Timeout,
    constants_Inputs.CompareBase,
    constants_Inputs.Baseline,
    constants_Inputs.Label
];
/** Reads and validates every input of `mode: report`, as getSettings does for `measure`. */
function getReportSettings(read, env = process.env, refer = name => `input '${name}'`) {
    const input = createReader(read, refer);
    const { value, subject, reject, problem } = input;
    for (const name of MEASURE_ONLY.filter(input.isSet)) {
        problem(`${subject(name)} does not apply to ${refer(Inputs.Mode)} report, which measures nothing: ` +
            `it merges the results files that ${refer(Inputs.ResultsGlob)} matches; got ` +
            `${shown(value(name))}. Remove it here and set it in the jobs that measure.`);
    }
    const resultsGlob = value(Inputs.ResultsGlob);
    if (resultsGlob === '') {
        problem(`${subject(Inputs.ResultsGlob)} is required with ${refer(Inputs.Mode)} report: the ` +
            "results files of the legs to merge, one pattern a line, such as 'legs/*/results.json'.");
    }
    const gateText = value(Inputs.GateStrategy);
    if (gateText !== '' && !isStrategy(gateText)) {
        reject(Inputs.GateStrategy, gateText, `one of ${listOf(STRATEGIES)}`);
    }
    const shared = readShared(input, env);
    const minFreezeSaving = readFreezeSaving(input);
    throwProblems(input);
    return {
        resultsGlob,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        gate: {
            strategy: isStrategy(gateText) ? gateText : null,
            maxUss: shared.maxUss,
            maxPss: shared.maxPss,
            minFreezeSaving,
            failOnThreshold: shared.failOnThreshold
        },
        regression: shared.regression,
        comment: shared.comment,
        commentKey: shared.commentKey,
        githubToken: shared.githubToken
    };
}

;// CONCATENATED MODULE: ./src/git/commits.ts
/** A full commit id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
function commits_isCommitId(text) {
    return COMMIT_ID.test(text);
}
/**
 * The base and head commits of the event's pull request, or null when the event has none (a push,
 * a schedule) or its payload does not carry full commit ids.
 */
function pullRequestCommits(payload) {
    const base = payload.pull_request?.base?.sha;
    const head = payload.pull_request?.head?.sha;
    if (typeof base !== 'string' || typeof head !== 'string')
        return null;
    const [b, h] = [base.toLowerCase(), head.toLowerCase()];
    return commits_isCommitId(b) && commits_isCommitId(h) ? { base: b, head: h } : null;
}
/** The first 7 digits, as GitHub shows a commit. */
function commits_shortCommit(commit) {
    return commit.slice(0, 7);
}

;// CONCATENATED MODULE: ./src/engine/command/series.ts

/** The median worker's USS at every tick of a run. */
function medianWorkerUss(ticks) {
    return ticks.map(tick => ({ atMs: tick.atMs, bytes: median(tick.workers.map(w => w.uss)) }));
}

;// CONCATENATED MODULE: ./src/report/chart.ts


const DEFAULT_MAX_COLUMNS = 20;
/** Column steps, in milliseconds, that read as round numbers of seconds. */
const STEPS_MS = [100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 15_000, 30_000, 60_000];
/**
 * xychart-beta has no legend: the lines take the palette's colours in order, and the legend
 * under the chart names them with the emoji square of the same colour.
 */
const PALETTE = [
    { color: '#dd2e44', square: '🟥' },
    { color: '#55acee', square: '🟦' },
    { color: '#78b159', square: '🟩' },
    { color: '#f4900c', square: '🟧' },
    { color: '#aa8ed6', square: '🟪' },
    { color: '#c1694f', square: '🟫' }
];
/** The smallest round step that fits the load into `maxColumns` columns. */
function columnStep(lastMs, maxColumns) {
    const fits = (step) => Math.ceil(lastMs / step) + 1 <= maxColumns;
    const round = STEPS_MS.find(fits);
    if (round !== undefined)
        return round;
    const minutes = Math.ceil(lastMs / (maxColumns - 1) / 60_000);
    return minutes * 60_000;
}
/** The run's value at column `at`: its last point up to half a step later, else its first point. */
function valueAt(points, at, step) {
    let value = points[0].bytes;
    for (const point of points) {
        if (point.atMs <= at + step / 2)
            value = point.bytes;
    }
    return value;
}
/** The smallest round number at least `value`: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
function niceCeiling(value) {
    if (value <= 0)
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    const found = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find(m => m * power >= value);
    return Number((found * power).toPrecision(2));
}
function chart_seconds(ms) {
    return String(Number((ms / 1000).toFixed(2)));
}
function chart_mib(bytes) {
    return (bytes / MIB).toFixed(1);
}
/** The chart as a fenced `mermaid` block and its legend; empty when no line has points. */
function ussChart(lines, options = {}) {
    const drawn = lines
        .map(line => ({ ...line, runs: line.runs.filter(points => points.length > 0) }))
        .filter(line => line.runs.length > 0)
        .slice(0, PALETTE.length);
    if (drawn.length === 0)
        return '';
    const ends = drawn.flatMap(line => line.runs.map(points => points[points.length - 1].atMs));
    const lastMs = Math.max(...ends);
    const step = columnStep(lastMs, Math.max(2, options.maxColumns ?? DEFAULT_MAX_COLUMNS));
    const columnCount = Math.max(2, Math.ceil(lastMs / step) + 1);
    const columns = Array.from({ length: columnCount }, (_, k) => k * step);
    const values = drawn.map(line => columns.map(at => median(line.runs.map(points => valueAt(points, at, step)))));
    const top = niceCeiling((Math.max(...values.flat()) / MIB) * 1.1);
    const palette = PALETTE.slice(0, drawn.length);
    const config = {
        themeVariables: { xyChart: { plotColorPalette: palette.map(p => p.color).join(', ') } }
    };
    const chart = [
        '```mermaid',
        `%%{init: ${JSON.stringify(config)}}%%`,
        'xychart-beta',
        '  title "Median worker USS during the load"',
        `  x-axis "seconds since the load started" [${columns.map(at => `"${chart_seconds(at)}"`).join(', ')}]`,
        `  y-axis "USS (MiB)" 0 --> ${top}`,
        ...values.map(line => `  line [${line.map(chart_mib).join(', ')}]`),
        '```'
    ];
    const legend = drawn
        .map((line, i) => `${palette[i].square} ${format_escapeMarkdown(line.name)}`)
        .join(' · ');
    const shortest = Math.min(...ends);
    // Loads within half a step of the longest end in the same column.
    const note = shortest < lastMs - step / 2 ? ' (a line whose load ended sooner holds its last sample)' : '';
    return `${chart.join('\n')}\n\n${legend}${note}\n`;
}

;// CONCATENATED MODULE: ./src/report/target.ts

const ENTRYPOINT_WORDS = {
    child: 'child',
    parent: 'parent',
    after: 'after work',
    growth: 'from fork to end of work'
};
const COMMAND_WORDS = {
    child: 'worker',
    parent: 'master',
    after: 'after the load',
    growth: 'from ready (before the load) to after the load'
};
/** Files from before command mode name no kind: they are entrypoints. */
function isCommand(target) {
    return target.kind === 'command';
}
function wordsFor(results) {
    return isCommand(results.target) ? COMMAND_WORDS : ENTRYPOINT_WORDS;
}
/** A title should stay one readable line; the environment details show the whole command. */
const TITLE_CHARS = 80;
/** The entrypoint spec, or the command line shortened to a title's length. */
function target_targetLabel(target) {
    if (!isCommand(target))
        return target.entrypoint;
    const line = target.command.replace(/\s+/g, ' ');
    return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}
/** "when http://127.0.0.1:8000/ answered 2xx"; plain text, for the caller to escape. */
function readyText(ready) {
    switch (ready.kind) {
        case 'settle':
            return "once the workers' memory settled";
        case 'url':
            return `when ${ready.url} answered 2xx`;
        case 'log':
            return `when a line of output matched /${ready.pattern}/`;
    }
}
/** The load phase, with `quote` applied to the load command. */
function loadText(target, quote) {
    const every = `samples every ${formatDuration(target.sampleIntervalMs)}`;
    if (target.loadCommand === null) {
        return target.loadDurationMs === null
            ? 'none: one sample right after the ready one'
            : `none: the workers idled for ${formatDuration(target.loadDurationMs)}; ${every}`;
    }
    const until = target.loadDurationMs === null
        ? 'until it exited'
        : `for ${formatDuration(target.loadDurationMs)}`;
    return `${quote(target.loadCommand)} ${until}; ${every}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/**
 * The Markdown report, built from sections the PR comment can compose on its own and drop to fit
 * GitHub's size limits. Every function is pure: results in, Markdown out.
 */






/** What each strategy does, as the headline names it. */
const RECIPE = {
    none: 'no GC handling',
    freeze: 'gc.freeze()',
    'disable-freeze': 'gc.disable() + gc.freeze()',
    'collect-freeze': 'gc.collect() + gc.freeze()'
};
const DASH = '—';
function comparisonSentence({ candidate, baseline, delta, change }, workers, words) {
    const perChild = `per-${words.child} USS`;
    const subject = RECIPE[candidate.name];
    const from = format_formatMiB(baseline.summary.uss.median);
    const to = format_formatMiB(candidate.summary.uss.median);
    const percent = change === null ? '' : ` (${format_formatSignedPercent(change)})`;
    // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
    const fleet = `${format_formatMiB(Math.abs(delta) * workers, 0)} ${delta < 0 ? 'less' : 'more'}`;
    const across = format_countOf(workers, 'worker');
    const negligible = change === null ? delta === 0 : Math.abs(change) < NEGLIGIBLE_CHANGE;
    if (negligible) {
        return `${subject} makes no real difference here: ${perChild} is ${from} without it and ${to} with it${percent}.`;
    }
    if (delta < 0) {
        return `${subject} cuts ${perChild} from ${from} to ${to}${percent}: ${fleet} across ${across}.`;
    }
    return `${subject} does not help here: ${perChild} rises from ${from} to ${to}${percent}, ${fleet} across ${across}.`;
}
/** One sentence with the story: what freezing saves per child and across the workers. */
function markdown_headline(results) {
    const comparison = freezeComparison(results);
    const words = wordsFor(results);
    if (comparison !== null)
        return comparisonSentence(comparison, results.workers, words);
    if (results.strategies.length === 1) {
        const [only] = results.strategies;
        return (`With ${RECIPE[only.name]} (${only.name}), each worker keeps ` +
            `${format_formatMiB(only.summary.uss.median)} private (USS), and the whole tree's PSS is ` +
            `${format_formatMiB(only.summary.treePss)} with N = ${format_countOf(results.workers, 'worker')}.`);
    }
    const figures = results.strategies.map(s => `${format_formatMiB(s.summary.uss.median)} with ${RECIPE[s.name]}`);
    const listed = `${figures.slice(0, -1).join(', ')} and ${figures[figures.length - 1]}`;
    return `Without a none baseline there is no saving to report; per-${words.child} USS is ${listed}.`;
}
function title(results) {
    return `### Prefork memory: ${escapeMarkdown(targetLabel(results.target))}`;
}
/** What makes the figures doubtful, as a GitHub alert; null when nothing does. */
function warningsBlock(results) {
    const warnings = results.warnings ?? [];
    if (warnings.length === 0)
        return null;
    const paragraphs = warnings.map(warning => `> ${format_escapeMarkdown(warning)}`);
    return `> [!WARNING]\n${paragraphs.join('\n>\n')}`;
}
/** The median worker's USS over the load, one line per strategy; null outside command mode. */
function markdown_loadChart(results) {
    if (!isCommand(results.target))
        return null;
    const chart = ussChart(results.strategies.map(s => ({
        name: s.name,
        runs: s.runs.map(run => medianWorkerUss(run.command?.ticks ?? []))
    })));
    return chart === '' ? null : chart.trimEnd();
}
function table(header, align, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    const rule = align.map(a => (a === 'right' ? '---:' : ':---'));
    return [line(header), line(rule), ...rows.map(line)].join('\n');
}
function strategyCell(strategy) {
    return strategy.name === 'none' ? '`none` (baseline)' : `\`${strategy.name}\``;
}
/** The comparison table: a row per strategy, per-child medians after work plus the tree total. */
function markdown_strategyTable(results) {
    const baseline = findStrategy(results, 'none');
    const ussCell = (s) => {
        const uss = format_formatMiB(s.summary.uss.median);
        if (baseline === undefined || s === baseline)
            return uss;
        const { change } = compareUss(baseline, s);
        return change === null ? uss : `${uss} (${format_formatSignedPercent(change)})`;
    };
    const rows = results.strategies.map(s => [
        strategyCell(s),
        ussCell(s),
        format_formatMiB(s.summary.uss.max),
        format_formatMiB(s.summary.pss.median),
        format_formatMiB(s.summary.rss.median),
        formatPercent(sharedShare(s.summary)),
        format_formatMiB(s.summary.cowLoss.median),
        format_formatMiB(s.summary.treePss)
    ]);
    const header = [
        'Strategy',
        'USS median',
        'USS max',
        `PSS median (N = ${results.workers})`,
        'RSS median',
        'Shared of RSS',
        'CoW loss',
        'Tree PSS'
    ];
    const { child, parent, after, growth } = wordsFor(results);
    const note = `Per ${child} ${after}, median of ${results.repeat} runs; max is the largest ${child} of any run. ` +
        `Shared of RSS = 1 − USS/RSS; CoW loss = USS growth ${growth}; ` +
        `tree PSS = ${parent} + ${format_countOf(results.workers, 'worker')}.`;
    const align = ['left', ...header.slice(1).map(() => 'right')];
    return `${table(header, align, rows)}\n\n${note}`;
}
/** Total memory (tree PSS) at larger worker counts, extrapolated linearly per strategy. */
function projectionTable(results) {
    const measured = results.workers;
    const counts = [measured, ...PROJECTED_WORKERS.filter(count => count !== measured)];
    const header = [
        'Strategy',
        ...counts.map(count => `${format_countOf(count, 'worker')}${count === measured ? ' (measured)' : ''}`)
    ];
    const rows = results.strategies.map(s => [
        strategyCell(s),
        ...counts.map(count => format_formatMiB(projectTreePss(s, measured, count)))
    ]);
    const { child } = wordsFor(results);
    const note = `Linear projection from the ${format_countOf(measured, 'worker')} measured: the shared part ` +
        `(tree PSS − ${measured} × median ${child} USS) plus M × median ${child} USS.`;
    const align = ['left', ...counts.map(() => 'right')];
    return [
        '#### Projected total memory by worker count (tree PSS)',
        table(header, align, rows),
        note
    ].join('\n\n');
}
function details(summary, body) {
    return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** Frozen objects, GC enabled, collections; dashes for a worker the strategy hook missed. */
function gcCells(gc) {
    if (gc === null)
        return [DASH, DASH, DASH];
    return [
        formatCount(gc.freezeCount),
        gc.enabled ? 'yes' : 'no',
        gc.collections.map(formatCount).join(' / ')
    ];
}
function childrenBlock(strategy, repeats, words) {
    const run = medianRun(strategy);
    const { parent, children } = run.phases['after-work'];
    const master = run.command?.master;
    const parentRow = [
        master ? `master (${format_escapeMarkdown(master.name)}, pid ${master.pid})` : words.parent,
        format_formatMiB(parent.uss),
        format_formatMiB(parent.pss),
        format_formatMiB(parent.rss),
        DASH,
        formatCount(parent.minorFaults),
        DASH,
        DASH,
        DASH
    ];
    const losses = cowLosses(run);
    const childRows = children.map((child, i) => [
        `${words.child} ${i + 1}`,
        format_formatMiB(child.uss),
        format_formatMiB(child.pss),
        format_formatMiB(child.rss),
        format_formatMiB(losses[i]),
        formatCount(child.minorFaults),
        ...gcCells(child.gc)
    ]);
    const header = [
        'Process',
        'USS',
        'PSS',
        'RSS',
        'CoW loss',
        'Minor faults',
        'Frozen objects',
        'GC enabled',
        'Collections (gen 0 / 1 / 2)'
    ];
    const align = [
        'left',
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
        'left',
        'right'
    ];
    const missed = children.some(child => child.gc === null)
        ? `\n\n${DASH} in the GC columns: the strategy hook did not fire in that ${words.child}.`
        : '';
    return details(`Per process: <code>${strategy.name}</code>, median run (repeat ${run.repeat + 1} of ${repeats})`, table(header, align, [parentRow, ...childRows]) + missed);
}
/** Every process of each strategy's median run, after work, folded. */
function perChildDetails(results) {
    const words = wordsFor(results);
    return results.strategies.map(s => childrenBlock(s, results.repeat, words)).join('\n\n');
}
/** Runs usually differ by less than 0.1 MiB: one more decimal keeps the spread visible. */
const SPREAD_DECIMALS = 2;
function spreadTable(results) {
    const range = (values) => formatRange(minimum(values), maximum(values), SPREAD_DECIMALS);
    const rows = results.strategies.map(s => [
        strategyCell(s),
        String(s.runs.length),
        range(s.runs.map(run => runMedian(run, c => c.uss))),
        range(s.runs.map(run => runMedian(run, c => c.pss))),
        range(s.runs.map(runTreePss))
    ]);
    const { child, after } = wordsFor(results);
    const header = ['Strategy', 'Runs', `Median ${child} USS`, `Median ${child} PSS`, 'Tree PSS'];
    const align = ['left', 'right', 'right', 'right', 'right'];
    return `Spread over runs (lowest–highest per-run figure, ${after}):\n\n${table(header, align, rows)}`;
}
function targetLines(results) {
    const { target } = results;
    const runs = `**runs per strategy:** ${results.repeat}`;
    if (isCommand(target)) {
        const master = results.strategies[0]?.runs[0]?.command?.master.name;
        const under = master === undefined ? '' : ` under ${format_escapeMarkdown(master)}`;
        return [
            `- **Command:** ${format_escapeMarkdown(target.command)}`,
            `- **Ready:** ${format_escapeMarkdown(readyText(target.ready))}`,
            `- **Load:** ${loadText(target, format_escapeMarkdown)}`,
            `- **Workers:** ${results.workers}${under}; ${runs}`
        ];
    }
    const worker = target.worker === null
        ? 'none'
        : `${format_escapeMarkdown(target.worker)} × ${formatCount(target.iterations)}`;
    return [
        `- **Target:** ${format_escapeMarkdown(target.entrypoint)}; worker: ${worker}`,
        `- **Workers:** ${results.workers}; ${runs}`
    ];
}
function pythonText(results) {
    const { python } = results.environment;
    const seen = results.strategies.some(s => s.runs.some(run => run.command?.python));
    if (isCommand(results.target) && !seen) {
        return 'not seen: the strategy hook loaded in no master';
    }
    const build = python.freeThreaded ? 'free-threaded build' : 'GIL build';
    const where = isCommand(results.target) ? ', as the strategy hook saw it in the master' : '';
    return `${format_escapeMarkdown(python.version)} (${format_escapeMarkdown(python.implementation)}, ${build}) at ${format_escapeMarkdown(python.executable)}${where}`;
}
/** The environment stamp and the run-to-run spread, folded; a visible warning for the 3.14 collector. */
function markdown_environmentDetails(results) {
    const { environment: env } = results;
    const { python } = env;
    const lines = [
        ...targetLines(results),
        `- **Python:** ${pythonText(results)}`,
        `- **Kernel:** ${format_escapeMarkdown(env.kernel)}; page size ${format_formatMiB(env.pageSize)}; transparent hugepages: ${format_escapeMarkdown(env.transparentHugepages)}`,
        `- **CPUs:** ${env.cpus}; **runner:** ${format_escapeMarkdown(env.runner)}`,
        `- **Commit:** ${env.gitSha === null ? 'unknown' : format_escapeMarkdown(env.gitSha)}`,
        `- **Measured:** ${format_escapeMarkdown(env.timestamp)} by ${format_escapeMarkdown(results.tool.name)} ${format_escapeMarkdown(results.tool.version)}`
    ];
    const block = details('Environment and spread', `${lines.join('\n')}\n\n${spreadTable(results)}`);
    if (!python.incrementalGc)
        return block;
    const warning = `> **Warning:** Python ${format_escapeMarkdown(python.version)} runs the incremental garbage collector of ` +
        `CPython 3.14.0–3.14.4; its figures are not comparable with other Python versions.`;
    return `${warning}\n\n${block}`;
}
/** The whole report, from a `###` heading down; `detail` drops the folded sections. */
function renderReport(results, options = {}) {
    const detail = options.detail ?? 'full';
    const sections = [
        title(results),
        warningsBlock(results),
        markdown_headline(results),
        markdown_strategyTable(results)
    ];
    if (detail !== 'minimal')
        sections.push(markdown_loadChart(results), projectionTable(results));
    if (detail === 'full')
        sections.push(perChildDetails(results));
    if (detail !== 'minimal')
        sections.push(markdown_environmentDetails(results));
    return `${sections.filter(section => section !== null).join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/compare.ts
/**
 * Markdown for a head compared with its base, and for the combined comment of several matrix legs.
 * Pure: results in, Markdown out.
 */







const compare_DASH = '—';
const MARK = { up: '🔺', down: '🔽' };
/** Run-to-run spreads are usually below 0.1 MiB: one more decimal keeps them visible. */
const NOISE_DECIMALS = 2;
/** A code span that user text cannot close: the fence is longer than any backtick run inside. */
function codeSpan(text) {
    const line = text.replace(/\r\n|[\r\n]/g, ' ');
    const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${line}${pad}${fence}`;
}
function heading(level, text) {
    return `${'#'.repeat(level)} ${text}`;
}
/** `freeze` when the gate strategy was compared; otherwise the first strategy compared. */
function chosen(comparison, strategy) {
    return comparison.strategies.find(s => s.name === strategy) ?? comparison.strategies[0];
}
/** "each freeze worker"; `none` reads as what it is. */
function eachWorker(strategy) {
    return strategy === 'none' ? 'each worker without GC handling' : `each ${strategy} worker`;
}
/**
 * The verdict line: what the pull request does to a worker of the gate strategy, in per-child USS,
 * and across the measured workers; or that it made no difference beyond the noise.
 */
function changeSentence(comparison, strategy, workers, subject = 'This PR') {
    const compared = chosen(comparison, strategy);
    if (compared === undefined) {
        return 'The base and the head measured no strategy in common, so there is nothing to compare.';
    }
    const uss = compared.figures.uss;
    const span = `per-child USS ${format_formatMiB(uss.base)} → ${format_formatMiB(uss.head)}`;
    const percent = uss.change === null ? '' : ` (${format_formatSignedPercent(uss.change)})`;
    const who = eachWorker(compared.name);
    if (uss.shift === null) {
        const why = Math.abs(uss.delta) <= uss.noise
            ? `within the run-to-run noise of ${format_formatMiB(uss.noise, NOISE_DECIMALS)}`
            : `less than ${NEGLIGIBLE_CHANGE * 100}% of the base`;
        return `${subject} leaves ${who} as heavy as before: ${span}${percent}, ${why}.`;
    }
    // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
    const fleet = format_formatMiB(Math.abs(uss.delta) * workers, 0);
    const [heavier, more] = uss.shift === 'up' ? ['heavier', 'more'] : ['lighter', 'less'];
    return (`${subject} makes ${who} ${format_formatMiB(Math.abs(uss.delta))} ${heavier}${percent}: ${span}, ` +
        `${fleet} ${more} across ${format_countOf(workers, 'worker')}.`);
}
const ROW_NAMES = {
    uss: () => 'USS per child',
    pss: workers => `PSS per child (N = ${workers})`,
    rss: () => 'RSS per child',
    cowLoss: () => 'CoW loss per child',
    treePss: () => 'Tree PSS'
};
function deltaCells(figure) {
    const mark = figure.shift === null ? '' : `${MARK[figure.shift]} `;
    return [
        format_formatMiB(figure.base),
        format_formatMiB(figure.head),
        `${mark}${format_formatSignedMiB(figure.delta)}`,
        figure.change === null ? compare_DASH : format_formatSignedPercent(figure.change),
        format_formatMiB(figure.noise, NOISE_DECIMALS)
    ];
}
/** One strategy, base against head: a row per figure. */
function strategyComparisonTable(compared, workers) {
    const name = compared.name === 'none' ? '`none` (baseline)' : `\`${compared.name}\``;
    const rows = Object.keys(ROW_NAMES).map(figure => [
        ROW_NAMES[figure](workers),
        ...deltaCells(compared.figures[figure])
    ]);
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        line([name, 'Base', 'Head', 'Δ', 'Δ%', 'Noise']),
        line([':---', '---:', '---:', '---:', '---:', '---:']),
        ...rows.map(line)
    ].join('\n');
}
function strategyList(names) {
    return names.map(name => `\`${name}\``).join(', ');
}
/** What the tables' figures are and when a change is marked. */
function comparisonNote(comparison, base, head) {
    const runs = base.repeat === head.repeat
        ? `Medians of ${format_countOf(head.repeat, 'run')} on each side`
        : `Medians of ${format_countOf(base.repeat, 'run')} of the base and ${format_countOf(head.repeat, 'run')} of the head`;
    const interleaved = base.origin.kind === 'merge-base' ? ', base and head interleaved' : '';
    const lines = [
        `${runs}${interleaved}. ${MARK.up}/${MARK.down} mark a change larger than the noise (the wider ` +
            `spread of the per-run figures on either side) and at least ${NEGLIGIBLE_CHANGE * 100}% of the base.`
    ];
    if (comparison.headOnly.length > 0) {
        lines.push(`Measured on the head only: ${strategyList(comparison.headOnly)}.`);
    }
    if (comparison.baseOnly.length > 0) {
        lines.push(`Measured on the base only: ${strategyList(comparison.baseOnly)}.`);
    }
    return lines.join(' ');
}
/** Differences between the two sides' setups that make some figures incomparable. */
function caveats(base, head) {
    const found = [];
    const [b, h] = [base.environment, head.environment];
    if (base.workers !== head.workers) {
        found.push(`The base ran ${format_countOf(base.workers, 'worker')} and the head ${format_countOf(head.workers, 'worker')}: ` +
            'PSS and tree PSS share pages among different numbers of processes.');
    }
    const python = (p) => `${p.implementation} ${p.version}${p.freeThreaded ? ' (free-threaded)' : ''}`;
    if (python(b.python) !== python(h.python)) {
        found.push(`The base ran ${format_escapeMarkdown(python(b.python))} and the head ${format_escapeMarkdown(python(h.python))}.`);
    }
    const machine = (e) => `kernel ${e.kernel}, page size ${format_formatMiB(e.pageSize)}, transparent hugepages ${e.transparentHugepages}`;
    if (machine(b) !== machine(h)) {
        found.push(`The base was measured with ${format_escapeMarkdown(machine(b))}; the head with ${format_escapeMarkdown(machine(h))}.`);
    }
    const target = (t) => JSON.stringify(t);
    if (target(base.target) !== target(head.target)) {
        found.push('The base ran a different target (entrypoint, worker or iterations) than the head.');
    }
    return found;
}
function originTitle(origin) {
    if (origin.kind === 'merge-base') {
        return `Compared with the base: merge base ${codeSpan(commits_shortCommit(origin.commit))}`;
    }
    const commit = origin.commit === null ? '' : ` (commit ${codeSpan(commits_shortCommit(origin.commit))})`;
    return `Compared with the baseline ${codeSpan(origin.file)}${commit}`;
}
/** The note for a base that lacks the target: the head alone was measured, and the check passes. */
function missingBaseNote(missing) {
    return `> [!NOTE]\n> The base commit has no ${codeSpan(missing)}; measured the head alone.`;
}
/**
 * The comparison section: heading, verdict line, setup differences, a table per strategy, and what
 * the marks mean. For a base without the target, the note alone.
 */
function comparisonSection(head, base, options) {
    if (base.status === 'missing-target')
        return missingBaseNote(base.missing);
    const comparison = compareStrategies(base.strategies, head.strategies);
    const sections = [
        heading(options.level ?? 4, originTitle(base.origin)),
        changeSentence(comparison, options.strategy, head.workers)
    ];
    const differences = caveats(base, head);
    if (differences.length > 0) {
        sections.push([
            '> [!WARNING]',
            '> Base and head were not measured alike:',
            ...differences.map(d => `> - ${d}`)
        ].join('\n'));
    }
    if ((options.detail ?? 'full') !== 'minimal') {
        sections.push(...comparison.strategies.map(s => strategyComparisonTable(s, head.workers)), comparisonNote(comparison, base, head));
    }
    return sections.join('\n\n');
}
/** The gate strategy's default, as the inputs choose it: `freeze` if measured, else the first. */
function compare_defaultStrategy(results) {
    return results.strategies.some(s => s.name === 'freeze') ? 'freeze' : results.strategies[0].name;
}
function legStrategy(results, preferred) {
    return preferred !== undefined && results.strategies.some(s => s.name === preferred)
        ? preferred
        : compare_defaultStrategy(results);
}
/** The overview cell: the leg's gate-strategy USS change against its base. */
function versusBaseCell(results, strategy) {
    const base = baseOf(results);
    if (base === null)
        return compare_DASH;
    if (base.status === 'missing-target')
        return 'new target (no base)';
    const compared = comparisonOf(results)?.strategies.find(s => s.name === strategy);
    if (compared === undefined)
        return compare_DASH;
    const uss = compared.figures.uss;
    const mark = uss.shift === null ? '' : `${MARK[uss.shift]} `;
    const percent = uss.change === null ? '' : ` (${formatSignedPercent(uss.change)})`;
    return `${mark}${formatSignedMiB(uss.delta)}${percent}`;
}
function overviewTable(legs, preferred) {
    const rows = legs.map(leg => {
        const strategy = legStrategy(leg.results, preferred);
        const uss = leg.results.strategies.find(s => s.name === strategy)?.summary.uss.median ?? 0;
        return [
            escapeMarkdown(leg.title),
            `\`${strategy}\``,
            formatMiB(uss),
            versusBaseCell(leg.results, strategy)
        ];
    });
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        line(['Leg', 'Strategy', 'USS per child', 'Against the base']),
        line([':---', ':---', '---:', '---:']),
        ...rows.map(line)
    ].join('\n');
}
function legSection(leg, options) {
    const detail = options.detail ?? 'full';
    const head = headResults(leg.results);
    const strategy = legStrategy(leg.results, options.strategy);
    const sections = [heading(4, escapeMarkdown(leg.title))];
    const verdict = options.verdictOf?.(leg) ?? null;
    if (verdict !== null)
        sections.push(verdict);
    sections.push(headline(head));
    if (detail !== 'minimal')
        sections.push(strategyTable(head));
    const base = baseOf(leg.results);
    if (base !== null) {
        sections.push(comparisonSection(head, base, { strategy, level: 5, detail }));
    }
    if (detail === 'full')
        sections.push(environmentDetails(head));
    return sections.join('\n\n');
}
/**
 * The combined comment of `mode: report`: a title, an overview row per leg, then a section per leg.
 * `detail` shortens each section as the single-run report does, to fit GitHub's limits.
 */
function renderLegs(legs, options = {}) {
    const targets = new Set(legs.map(leg => targetLabel(leg.results.target)));
    const [target] = targets;
    const subject = targets.size === 1 && target !== undefined
        ? `${escapeMarkdown(target)} across ${countOf(legs.length, 'leg')}`
        : countOf(legs.length, 'leg');
    const icon = options.overall === undefined ? '' : `${options.overall.icon} `;
    const sections = [
        heading(3, `${icon}Prefork memory: ${subject}`),
        ...(options.overall === undefined ? [] : [options.overall.line]),
        overviewTable(legs, options.strategy),
        ...legs.map(leg => legSection(leg, options))
    ];
    return `${sections.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/publish/verdict.ts

function verdictState(verdict) {
    if (verdict.passed)
        return 'pass';
    return verdict.enforced ? 'fail' : 'warn';
}
const VERDICT_ICON = { pass: '✅', fail: '❌', warn: '⚠️' };
function crossedCount(verdict) {
    const count = verdict.checks.filter(c => !c.passed).length;
    return count === 1 ? 'a memory limit was crossed' : `${count} memory limits were crossed`;
}
/** The verdict in one line of Markdown, without the rules. */
function summaryLine(verdict) {
    switch (verdictState(verdict)) {
        case 'fail':
            return `**Failed:** ${crossedCount(verdict)}.`;
        case 'warn':
            return `**Not enforced:** ${crossedCount(verdict)}, but \`fail-on-threshold\` is \`false\`, so the check passes.`;
        case 'pass':
            if (verdict.checks.length > 0 && verdict.checks.every(c => c.judged === false)) {
                return '**Nothing to judge:** every limit set compares with the base, which was not measured (see why below).';
            }
            return verdict.checks.length === 0
                ? '**No limit set:** this run reports only. Set `max-uss`, `max-pss`, `min-freeze-saving` or, against the base, `max-uss-increase` to gate on it.'
                : '**Passed:** every memory limit holds.';
    }
}
function checkIcon(check) {
    if (check.judged === false)
        return '➖';
    return check.passed ? '✅' : '❌';
}
/** The verdict in Markdown: one line, then each rule with what was measured. */
function verdictMarkdown(verdict) {
    const line = summaryLine(verdict);
    if (verdict.checks.length === 0)
        return line;
    const rows = verdict.checks.map(c => `| ${checkIcon(c)} | ${format_escapeMarkdown(c.rule)} | ${format_escapeMarkdown(c.observed)} |`);
    return [line, '', '| | Limit | Measured |', '| :-: | :--- | :--- |', ...rows].join('\n');
}
function sentence(check) {
    return check.judged === false
        ? `${check.rule}: ${check.observed}`
        : `${check.rule}, and ${check.observed}`;
}
/** For the log: every check, one line each. */
function verdictLogLines(verdict) {
    if (verdict.checks.length === 0)
        return ['No limit set: nothing to judge.'];
    return verdict.checks.map(c => `${checkIcon(c)} ${sentence(c)}`);
}
function crossed(verdict) {
    return verdict.checks
        .filter(c => !c.passed)
        .map(sentence)
        .join('; ');
}
/** The check's failure message: the crossed rules, what was measured, and the ways out. */
function verdict_failureMessage(verdict) {
    return (`Memory limit crossed: ${crossed(verdict)}. Reduce the memory or change the limit; ` +
        'set `fail-on-threshold: false` to report without failing.');
}
/** The warning for a crossed limit that `fail-on-threshold: false` keeps from failing the check. */
function notEnforcedMessage(verdict) {
    return `Memory limit crossed, not enforced (fail-on-threshold is false): ${crossed(verdict)}.`;
}

;// CONCATENATED MODULE: ./src/publish/report-body.ts





/** The projection under a fold, its heading turned into the fold's label. */
function foldedProjection(results) {
    const table = projectionTable(results);
    const heading = /^#+ (.*)\n\n/.exec(table);
    const label = heading?.[1] ?? 'Projected total memory by worker count';
    return `<details><summary>${label}</summary>\n\n${table.slice(heading?.[0].length ?? 0)}\n\n</details>`;
}
/** "app.py:preload", then the label that tells matrix legs apart. */
function report_body_subject(results) {
    const target = target_targetLabel(results.target);
    return format_escapeMarkdown(results.label ? `${target} · ${results.label}` : target);
}
/**
 * The report as the job summary, the comment and the report file show it: the verdict first, then
 * any warnings, the comparison with the base (its verdict line only at `minimal`), then the head's
 * headline and table, then the sections `detail` keeps (as renderReport does), folded. `strategy`
 * is the gate strategy, which the comparison's verdict line speaks of.
 */
function reportBody(results, verdict, detail, strategy = compare_defaultStrategy(results)) {
    const icon = VERDICT_ICON[verdictState(verdict)];
    const sections = [
        `### ${icon} Prefork memory: ${report_body_subject(results)}`,
        verdictMarkdown(verdict),
        warningsBlock(results)
    ];
    const { base } = results;
    if (base !== undefined) {
        sections.push(comparisonSection(results, base, { strategy, level: 4, detail }));
        // The head's own figures follow the comparison; a heading keeps them apart from its tables.
        if (base.status === 'measured')
            sections.push("#### The head's figures");
    }
    sections.push(markdown_headline(results), markdown_strategyTable(results));
    // The chart goes before the table would: only the minimal report, the last resort, leaves it out.
    if (detail !== 'minimal')
        sections.push(markdown_loadChart(results), foldedProjection(results));
    if (detail === 'full')
        sections.push(perChildDetails(results));
    if (detail !== 'minimal')
        sections.push(markdown_environmentDetails(results));
    return sections.filter(section => section !== null).join('\n\n');
}
/** The report of one measured target. */
function resultsReport(results, verdict, strategy = defaultStrategy(results)) {
    return {
        render: detail => reportBody(results, verdict, detail, strategy),
        chart: loadChart(results) !== null
    };
}

;// CONCATENATED MODULE: ./src/report/terminal.ts



/** User text reaches a terminal: control characters (escape sequences, newlines) become "?". */
function printable(text) {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
function alignColumns(rows) {
    const widths = rows[0].map((_, col) => Math.max(...rows.map(row => row[col].length)));
    return rows.map(row => row
        .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
        .join('  ')
        .trimEnd());
}
function renderTerminal(results) {
    const { child, parent, after } = wordsFor(results);
    const header = [
        'strategy',
        `${child} USS`,
        `${child} PSS (N=${results.workers})`,
        `${child} RSS`,
        'CoW loss',
        'tree PSS'
    ];
    const rows = results.strategies.map(({ name, summary }) => [
        name,
        format_formatMiB(summary.uss.median),
        format_formatMiB(summary.pss.median),
        format_formatMiB(summary.rss.median),
        format_formatMiB(summary.cowLoss.median),
        format_formatMiB(summary.treePss)
    ]);
    return [
        `Prefork memory: ${printable(target_targetLabel(results.target))}`,
        ...(results.warnings ?? []).map(warning => `Warning: ${printable(warning)}`),
        markdown_headline(results),
        '',
        ...alignColumns([header, ...rows]),
        '',
        `Medians of ${results.repeat} runs, ${after}; tree PSS = ${parent} + ${format_countOf(results.workers, 'worker')}.`,
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts


/**
 * Action inputs that make no sense here: the token (the CLI never comments), `compare-base` (there
 * is no pull request to take a base from; compare with `--baseline` instead) and `mode` with its
 * `results-glob` (merging a matrix's results is the action's job).
 */
const ACTION_ONLY = [
    constants_Inputs.GithubToken,
    constants_Inputs.CompareBase,
    constants_Inputs.Mode,
    constants_Inputs.ResultsGlob
];
/** Every other action input is a flag of the same name. */
const INPUT_FLAGS = Object.values(constants_Inputs).filter(name => !ACTION_ONLY.includes(name));
const USAGE = `Usage: prefork-memory-check (--entrypoint SPEC | --command LINE) [options]

Measures each process's memory (USS, PSS, RSS) as the kernel counts it in a Python server
that forks workers, under several GC strategies.

Target, one of:
  --entrypoint SPEC          import spec preloaded in the parent, which then forks the
                             workers: pkg.mod[:callable] or path/file.py[:callable]
  --command LINE             a server command line run by /bin/sh, such as
                             "gunicorn --preload -w 4 app:app"; the strategies reach it
                             through a sitecustomize hook on PYTHONPATH

With --entrypoint:
  --worker SPEC              callable each child runs before its full collection
  --iterations N             calls of the worker per child (default 1)
  --python PATH              interpreter to run (default python3)

With --command:
  --ready-url URL            ready once this http(s) URL answers 2xx
  --ready-log REGEX          ready once a line of the command's output matches
                             (default: once the workers' memory settles)
  --load-command LINE        run while the workers serve, such as a script sending requests;
                             PREFORK_MEMORY_CHECK_READY_URL holds --ready-url
  --load-duration DURATION   how long the load lasts; the load command is stopped then
                             (default: until the load command exits)
  --sample-interval DURATION time between samples during the load, 100ms to 1h
                             (default 500ms)

Both:
  --working-directory DIR    where the target runs (default .); an entrypoint's directory
                             is also first on sys.path

Measurement:
  --workers N                children forked, or the workers the command starts,
                             1 to 1024 (default 4)
  --strategies LIST          comma-separated: none, freeze, disable-freeze,
                             collect-freeze (default "none, freeze")
  --repeat N                 runs per strategy, 1 to 100; medians are reported (default 3)
  --timeout DURATION         limit per run (with --command: per wait for the workers or
                             the load command): 500ms, 90s, 5m, 1h (default 5m)

Gate:
  --gate-strategy NAME       strategy the limits judge (default freeze if measured,
                             else the first)
  --max-uss SIZE             limit on the median per-child USS: 150MiB, 1.5GB, bytes
  --max-pss SIZE             limit on the median per-child PSS
  --min-freeze-saving PCT    least per-child USS saving of freeze over none, in percent
  --fail-on-threshold BOOL   false reports a crossed limit and still exits 0 (default true)

Comparison with an earlier run:
  --baseline FILE            a results JSON written earlier (--json); the report shows
                             base, head and the change of every figure
  --max-uss-increase LIMIT   most the median per-child USS may grow over the baseline:
                             10%, 8MiB, or "10%, 8MiB" (fails only when both are exceeded)
  --max-pss-increase LIMIT   the same for the median per-child PSS
  --label TEXT               stored in the results JSON, to tell runs apart

Output:
  --json FILE                write the results JSON
  --markdown FILE            write the Markdown report, verdict included
  -h, --help                 show this help
  --version                  print the version

Accepted for parity with the action, which uses them for its PR comment:
  --comment MODE, --comment-key KEY

Exit status: 0 passed, 1 a limit was crossed, 2 invalid flags or a failed run.
`;
/** A command line that parseArgs rejected: unknown flag, missing value, stray argument. */
class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
function parseCliArgs(argv) {
    const inputOptions = Object.fromEntries(INPUT_FLAGS.map(name => [name, { type: 'string' }]));
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                ...inputOptions,
                json: { type: 'string' },
                markdown: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean' }
            }
        }).values;
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    const { json, markdown, help, version, ...inputs } = values;
    return {
        inputs: inputs,
        json: typeof json === 'string' ? json : null,
        markdown: typeof markdown === 'string' ? markdown : null,
        help: help === true,
        version: version === true
    };
}

;// CONCATENATED MODULE: ./src/cli/logger.ts
/** Progress for a terminal: a group becomes a heading with its lines indented below it. */
function createTerminalLogger(write) {
    let depth = 0;
    const emit = (text) => {
        const pad = '  '.repeat(depth);
        write(`${text
            .replace(/\n$/, '')
            .split('\n')
            .map(line => pad + line)
            .join('\n')}\n`);
    };
    return {
        info: message => emit(message),
        warning: message => emit(`warning: ${message}`),
        startGroup: name => {
            emit(`▸ ${name}`);
            depth += 1;
        },
        endGroup: () => {
            depth = Math.max(0, depth - 1);
        }
    };
}

;// CONCATENATED MODULE: ./src/cli/verdict.ts
/** The gate's verdict for a terminal: one line per check, then what it means for the exit status. */
function formatVerdict(verdict) {
    if (verdict.checks.length === 0) {
        return 'Gate: no limits set (see --max-uss, --max-pss, --min-freeze-saving, --max-uss-increase).\n';
    }
    const icon = (check) => {
        if (check.judged === false)
            return '–';
        return check.passed ? '✓' : '✗';
    };
    const lines = verdict.checks.map(check => `  ${icon(check)} ${check.rule}: ${check.observed}`);
    let outcome = 'pass';
    if (!verdict.passed)
        outcome = verdict.enforced ? 'fail' : 'fail, not enforced (--fail-on-threshold false)';
    return `Gate: ${outcome}\n${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/error-message.ts
/**
 * The message for an error that ends a run. A TypeError or ReferenceError is a bug here, not the
 * user's: its stack is kept for the report.
 */
function errorMessage(error) {
    if (error instanceof TypeError || error instanceof ReferenceError)
        return String(error.stack);
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/cli/main.ts
















const ExitCode = { Passed: 0, LimitCrossed: 1, Error: 2 };
/** A message for the user; a stack only for errors that point at a bug in this tool. */
function write(path, text, flag) {
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(path), text);
    }
    catch (error) {
        throw new Error(`cannot write the --${flag} file ${path}: ${error.message}`, {
            cause: error
        });
    }
}
/** Why a growth limit was not judged: the CLI compares only with a file. */
const NO_BASELINE = 'there is no baseline to compare with (--baseline FILE)';
/** The comparison with the baseline in a line, for the terminal; '' without one. */
function comparisonLines(results, strategy) {
    const { base, comparison } = results;
    if (base?.origin.kind !== 'baseline' || comparison === undefined)
        return '';
    const sentence = changeSentence(comparison, strategy, results.workers, 'This checkout');
    return `Against the baseline ${base.origin.file}: ${sentence}\n`;
}
/** Runs the CLI and returns its exit status. */
async function cli(io) {
    const fail = (message) => {
        io.stderr(`error: ${message}\n`);
        return ExitCode.Error;
    };
    let args;
    try {
        args = parseCliArgs(io.argv);
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        io.stderr(`error: ${error.message}\n\n${USAGE}`);
        return ExitCode.Error;
    }
    if (args.help) {
        io.stdout(USAGE);
        return ExitCode.Passed;
    }
    if (args.version) {
        io.stdout(`${TOOL.version}\n`);
        return ExitCode.Passed;
    }
    if (io.platform !== 'linux') {
        return fail(`memory is read from /proc, which only Linux has; this system is ${io.platform}.`);
    }
    const refer = (name) => `option --${name}`;
    let settings;
    try {
        // A relative --working-directory starts where the command runs, not at GITHUB_WORKSPACE.
        const env = { ...io.env, GITHUB_WORKSPACE: process.cwd() };
        settings = getSettings(name => args.inputs[name] ?? '', env, refer);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        return fail(`${error.message}\nRun with --help for the accepted values.`);
    }
    const log = createTerminalLogger(io.stderr);
    const { base: request, regression } = settings;
    try {
        const head = await io.measure(settings.measure, { proc: createProcReader(), log, refer });
        const base = request.kind === 'baseline' ? baselineSide(request.file, request.results) : null;
        const results = withBase(head, base, settings.label);
        const verdict = judgeResults(results, settings.gate, regression, NO_BASELINE);
        if (args.json)
            write(args.json, `${JSON.stringify(results, null, 2)}\n`, 'json');
        if (args.markdown) {
            const markdown = reportBody(results, verdict, 'full', settings.gate.strategy);
            write(args.markdown, `${markdown}\n`, 'markdown');
        }
        io.stdout(`${renderTerminal(results)}${comparisonLines(results, settings.gate.strategy)}\n` +
            formatVerdict(verdict));
        return verdict.passed || !verdict.enforced ? ExitCode.Passed : ExitCode.LimitCrossed;
    }
    catch (error) {
        // Runs that completed are shown, but not written to --json or --markdown as if they were all.
        if (error instanceof measure_MeasureError && error.partial !== null) {
            io.stdout(`Completed before the failure:\n${renderTerminal(error.partial)}`);
        }
        return fail(errorMessage(error));
    }
}
async function runCli() {
    try {
        process.exitCode = await cli({
            argv: process.argv.slice(2),
            stdout: text => process.stdout.write(text),
            stderr: text => process.stderr.write(text),
            env: process.env,
            platform: process.platform,
            measure: measure_measure
        });
    }
    catch (error) {
        // A bug of ours, not a crossed limit: exit 1 is reserved for the gate.
        process.stderr.write(`error: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exitCode = ExitCode.Error;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts


stopRunsOnSignals(message => process.stderr.write(`error: ${message}\n`));
void runCli();

