#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/engine/live-runs.ts


/**
 * Every process a run starts inherits this variable with the run's own value, so a process that
 * left the run's process group (`os.setsid()`, a double fork) is still found in /proc/PID/environ.
 */
const RUN_MARKER = 'PREFORK_MEMORY_CHECK_RUN';
/** Pids of the processes whose environment holds the marker; zombies and others' processes have none to read. */
function markedProcesses(marker, root = '/proc') {
    const wanted = `${RUN_MARKER}=${marker}`;
    const found = [];
    for (const entry of (0,external_node_fs_namespaceObject.readdirSync)(root)) {
        if (!/^\d+$/.test(entry))
            continue;
        let environ;
        try {
            environ = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, entry, 'environ'), 'latin1');
        }
        catch {
            continue; // exited while we listed, or not ours to read
        }
        if (environ.split('\0').includes(wanted))
            found.push(Number(entry));
    }
    return found;
}
/** Process group: field 5 of /proc/PID/stat; null once the process is gone. */
function groupOf(pid, root) {
    try {
        const stat = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, String(pid), 'stat'), 'latin1');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    }
    catch {
        return null;
    }
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
function killRunNow(run, root = '/proc') {
    sigkill(-run.group);
    const marked = markedProcesses(run.marker, root);
    for (const pid of marked)
        sigkill(pid);
    return marked;
}
const POLL_MS = 20;
/** Kills the run until /proc shows none of its processes, or `waitMs` runs out. */
async function stopRun(run, waitMs, root = '/proc') {
    sigkill(-run.group);
    const escaped = markedProcesses(run.marker, root).filter(pid => {
        const group = groupOf(pid, root);
        return group !== null && group !== run.group;
    });
    const deadline = Date.now() + waitMs;
    for (;;) {
        const left = killRunNow(run, root);
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
        gitSha: sources.env.GITHUB_SHA || sources.gitHead,
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
        gitHead: process.env.GITHUB_SHA ? null : gitHead(workingDirectory),
        now: new Date()
    };
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/engine/target-env.ts

/**
 * The environment the user's target runs with: the caller's, less the action's own inputs (the
 * runner passes them as INPUT_* variables, `github-token` among them), plus the run's marker.
 */
function targetEnv(base, marker) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (!name.startsWith('INPUT_'))
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

;// CONCATENATED MODULE: ./src/engine/command/process-table.ts


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
/** Parent pid: field 4 of /proc/PID/stat. */
function parseParentPid(stat) {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
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
        descendants(pid) {
            const childrenOf = new Map();
            for (const entry of (0,external_node_fs_namespaceObject.readdirSync)(root)) {
                if (!/^\d+$/.test(entry))
                    continue;
                let stat;
                try {
                    stat = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, entry, 'stat'), 'latin1');
                }
                catch {
                    continue; // exited while we listed
                }
                const parent = parseParentPid(stat);
                const siblings = childrenOf.get(parent) ?? [];
                siblings.push(Number(entry));
                childrenOf.set(parent, siblings);
            }
            const found = [];
            const queue = [...(childrenOf.get(pid) ?? [])];
            while (queue.length > 0) {
                const next = queue.shift();
                found.push(next);
                queue.push(...(childrenOf.get(next) ?? []));
            }
            return found;
        }
    };
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

;// CONCATENATED MODULE: ./src/engine/command/failure.ts
/** Why a run stopped; the commands' output is added to the message once everything is gone. */
class RunFailure extends Error {
    loadFailed;
    constructor(reason, 
    /** The load command's output explains this one. */
    loadFailed = false) {
        super(reason);
        this.loadFailed = loadFailed;
        this.name = 'RunFailure';
    }
}
/** "2s", "0.6s", "1.5s": durations in the log and in messages. */
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))}s`;
}
function mib(bytes) {
    return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

;// CONCATENATED MODULE: ./src/constants.ts
/** Input and output names: the action's public contract, also the CLI's flag names. */
const Inputs = {
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
    CommentUrl: 'comment-url'
};

;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./src/engine/command/output.ts

/** The last bytes a command wrote to stdout and stderr, interleaved as they arrived. */
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
async function stop_stopRun(table, run, options) {
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
    for (const group of run.groups)
        signal(-group, 'SIGKILL');
    for (const pid of stubborn)
        signal(pid, 'SIGKILL');
    const left = await waitUntil(() => survivors(table, run), options.killWaitMs, options.pollMs);
    if (left.length > 0) {
        const marker = run.marker ? ` (${run.marker.name}=${run.marker.value})` : '';
        throw new Error(`Processes ${left.join(', ')} of this run${marker} survived SIGKILL; stop them by hand.`);
    }
    return { killed: stubborn };
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
            throw new RunFailure(`the load command ${describeExit(exit)}`, true);
        }
    }
    else if (load) {
        if (phase.durationMs === null) {
            throw new RunFailure(`the load command was still running after ${seconds(phase.timeoutMs)}: set input ` +
                `'${Inputs.LoadDuration}' to stop it after a fixed time, or raise '${Inputs.Timeout}'`, true);
        }
        phase.log.info(`Stopping the load command after ${seconds(phase.durationMs)}`);
        const shell = load.pid;
        await stop_stopRun(phase.table, { leaders: [shell], groups: [shell], marker: null }, phase.stop);
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
            `'${Inputs.Workers}' to the number of workers the command starts`);
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
const ERROR_TAIL_LINES = 20;
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
        const { killed } = await stop_stopRun(deps.table, { leaders, groups, marker }, stop);
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
        throw new Error(failureMessage(failure, server, load, stopFailure));
    }
    if (stopFailure !== null)
        throw stopFailure;
    return {
        ...result,
        durationMs: Math.round(performance.now() - started)
    };
}
function tail(title, output) {
    if (output.total === 0)
        return `${title[0].toUpperCase()}${title.slice(1)} printed nothing.`;
    return `Last output of ${title}:\n${output.lastLines(ERROR_TAIL_LINES)}`;
}
function failureMessage(failure, server, load, stopFailure) {
    // The caller names the run and its strategy before this.
    const reason = failure.message;
    const parts = [`${reason[0].toUpperCase()}${reason.slice(1)}.`];
    if (failure.loadFailed && load)
        parts.push(tail('the load command', load.output));
    parts.push(tail('the command', server.output));
    if (stopFailure)
        parts.push(stopFailure.message);
    return parts.join('\n');
}
function logOutput(log, title, output) {
    if (output.total === 0)
        return;
    const header = output.dropped > 0
        ? `Output of ${title} (the last ${output.limit} of ${output.total} bytes):`
        : `Output of ${title}:`;
    log.info(`${header}\n${output.text().trimEnd()}`);
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
    return `${refer(Inputs.Python).replace(/^./, c => c.toUpperCase())} is '${python}'`;
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
    deps.log.info(`${settings.workers} workers expected from the command, strategies ` +
        `${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`);
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
const harness_run_ERROR_TAIL_LINES = 20;
/** How long a killed tree may take to go away before its pipes are dropped. */
const KILL_GRACE_MS = 5_000;
/** How long the events of an exited parent may take to arrive while a child still holds fd 3. */
const EVENTS_GRACE_MS = 1_000;
/** Why a run stopped; the output tail is added once the tree is gone. */
class harness_run_RunFailure extends Error {
    reason;
    traceback;
    constructor(reason, traceback) {
        super(reason);
        this.reason = reason;
        this.traceback = traceback;
    }
}
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
/** The last bytes of the user's stdout and stderr, interleaved as they arrived. */
class harness_run_OutputTail {
    chunks = [];
    kept = 0;
    total = 0;
    push(chunk) {
        this.chunks.push(chunk);
        this.kept += chunk.length;
        this.total += chunk.length;
        while (this.kept - this.chunks[0].length >= harness_run_OUTPUT_TAIL_BYTES) {
            this.kept -= this.chunks.shift().length;
        }
    }
    tail() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - harness_run_OUTPUT_TAIL_BYTES));
    }
    text() {
        return this.tail().toString('utf8');
    }
    /** Bytes no longer kept. */
    get dropped() {
        return this.total - this.tail().length;
    }
}
function harness_run_seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))}s`;
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
    const output = new harness_run_OutputTail();
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
    let tree = null;
    const ready = { 'after-fork': new Set(), 'after-work': new Set() };
    // A child reports its collector's state once it is released from the phase's sample.
    const evidence = {
        'after-fork': new Map(),
        'after-work': new Map()
    };
    const progress = (phase) => {
        if (tree === null)
            return 'the parent was still preloading the entrypoint';
        const reported = tree.children.filter(pid => ready[phase].has(pid)).length;
        return `${reported} of ${tree.children.length} children reported`;
    };
    let exited = false;
    /** Applies one signal; throws when it ends the run before `waitingFor` is reached. */
    const handle = (signal, waitingFor) => {
        const during = waitingFor === 'exit' ? 'after the last sample' : `while waiting for ${waitingFor}`;
        switch (signal.kind) {
            case 'timeout': {
                const limit = `timed out after ${harness_run_seconds(options.timeoutMs)}`;
                throw new harness_run_RunFailure(waitingFor === 'exit'
                    ? `${limit} waiting for the processes to exit after the last sample`
                    : `${limit} waiting for ${waitingFor}: ${progress(waitingFor)}`);
            }
            case 'spawn-error':
                throw new harness_run_RunFailure(`could not start ${options.python}: ${signal.error.message}`);
            case 'unreadable-event':
                throw new harness_run_RunFailure(`the harness sent an unreadable event ${JSON.stringify(signal.line)}`);
            case 'exited':
                exited = true;
                if (waitingFor === 'exit' && signal.code === 0)
                    return;
                throw new harness_run_RunFailure(`the harness ${exitDescription(signal.code, signal.signal)} ${during}`);
            case 'event': {
                const event = signal.event;
                if (event.event === 'ready')
                    ready[event.phase].add(event.pid);
                else if (event.event === 'gc')
                    evidence[event.phase].set(event.pid, event.gc);
                else if (event.event === 'forked')
                    tree = { parent: event.pid, children: event.children };
                else if (event.event === 'error') {
                    throw new harness_run_RunFailure(`${describeError(event)} ${during}`, event.traceback);
                }
                else if (event.event === 'exit' && waitingFor !== 'exit') {
                    throw new harness_run_RunFailure(`child ${event.pid} ${exitDescription(event.code, null)} ${during}`);
                }
            }
        }
    };
    const awaitPhase = async (phase) => {
        for (;;) {
            const current = tree;
            if (current !== null && current.children.every(pid => ready[phase].has(pid)))
                return current;
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
                throw new harness_run_RunFailure(`process ${error.pid} exited before it was measured at ${phase}`);
            }
            throw error;
        }
    };
    const withEvidence = (phase, samples) => ({
        parent: samples.parent,
        children: samples.children.map((sample) => {
            const gc = evidence[phase].get(sample.pid);
            if (gc === undefined) {
                throw new harness_run_RunFailure(`child ${sample.pid} never reported its collector's state at ${phase}`);
            }
            return { ...sample, gc };
        })
    });
    const holdAt = async (phase) => {
        const current = await awaitPhase(phase);
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
        reportStragglers(deps.log, await stopRun(live, KILL_GRACE_MS));
    untrack();
    await settled(gone, KILL_GRACE_MS);
    for (const stream of [child.stdout, child.stderr, ...control])
        stream?.destroy();
    harness_run_logOutput(deps.log, output);
    if (run !== undefined)
        return run;
    if (failure instanceof harness_run_RunFailure)
        throw new Error(harness_run_failureMessage(failure, output));
    throw failure;
}
function reportStragglers(log, stopped) {
    if (stopped.escaped.length > 0) {
        log.warning(`The target started processes that left the run's process group (${stopped.escaped.join(', ')}); ` +
            'they were killed with the run.');
    }
    if (stopped.survivors.length > 0) {
        log.warning(`Processes ${stopped.survivors.join(', ')} of this run were still in /proc ` +
            `${harness_run_seconds(KILL_GRACE_MS)} after SIGKILL; check for them with \`ps\`.`);
    }
}
/** Waits for `promise`, but no longer than `ms`. */
async function settled(promise, ms) {
    let timer;
    await Promise.race([promise, new Promise(resolve => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
}
function harness_run_failureMessage(failure, output) {
    const parts = [`${failure.reason[0].toUpperCase()}${failure.reason.slice(1)}.`];
    if (failure.traceback)
        parts.push(failure.traceback.trimEnd());
    const lines = output.text().trimEnd().split('\n').slice(-harness_run_ERROR_TAIL_LINES);
    if (output.total > 0)
        parts.push(`Last output of the target:\n${lines.join('\n')}`);
    else
        parts.push('The target printed nothing.');
    return parts.join('\n');
}
function harness_run_logOutput(log, output) {
    if (output.total === 0)
        return;
    const header = output.dropped > 0
        ? `Output of the target (the last ${harness_run_OUTPUT_TAIL_BYTES} of ${output.total} bytes):`
        : 'Output of the target:';
    log.info(`${header}\n${output.text().trimEnd()}`);
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
 */
const RESULTS_SCHEMA = 1;
const STRATEGIES = ['none', 'freeze', 'disable-freeze', 'collect-freeze'];
const PHASES = (/* unused pure expression or super */ null && (['after-fork', 'after-work']));

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
/** A run failed; `partial` holds the strategies that completed runs before it, or null if none did. */
class MeasureError extends Error {
    partial;
    constructor(message, partial, options) {
        super(message, options);
        this.partial = partial;
        this.name = 'MeasureError';
    }
}
function measure_mib(bytes) {
    return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
/** The harness preloads the entrypoint in the interpreter probed once up front. */
async function entrypointRunner(settings, deps) {
    const python = await probePython(settings.python, settings.workingDirectory, deps.refer);
    const harnessPath = deps.harnessPath ?? resolveHarnessPath();
    const environment = buildEnvironment(python, readEnvironmentSources(settings.workingDirectory));
    deps.log.info(`${python.implementation} ${python.version} (${python.executable}), ${settings.workers} workers, ` +
        `strategies ${settings.strategies.join(', ')}, ${settings.repeat} repeat(s)`);
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
            deps.log.info(`${run.durationMs} ms; after-work child USS ${children.map(c => measure_mib(c.uss)).join(', ')}`);
            return run;
        },
        environment: () => environment
    };
}
/** Runs every planned run in turn and summarizes them per strategy. */
async function measure(settings, deps) {
    const runner = settings.kind === 'command'
        ? commandRunner(settings, deps)
        : await entrypointRunner(settings, deps);
    const plan = planRuns(settings.strategies, settings.repeat);
    const runs = new Map(settings.strategies.map(s => [s, []]));
    const results = (strategies) => assemble(settings, runner.environment([...runs.values()].flat()), runs, strategies);
    for (const step of plan) {
        const title = `Run ${step.index + 1}/${plan.length}: ${step.strategy} ` +
            `(repeat ${step.repeat + 1}/${settings.repeat})`;
        deps.log.startGroup(title);
        try {
            runs.get(step.strategy)?.push(await runner.run(step));
        }
        catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            const completed = settings.strategies.filter(s => (runs.get(s) ?? []).length > 0);
            const partial = completed.length === 0 ? null : results(completed);
            throw new MeasureError(`${title} failed. ${message}`, partial, { cause: error });
        }
        finally {
            deps.log.endGroup();
        }
    }
    const measured = results(settings.strategies);
    for (const warning of measured.warnings ?? [])
        deps.log.warning(warning);
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
        schema: RESULTS_SCHEMA,
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
function formatMiB(bytes, decimals = 1) {
    const text = unsigned(Math.abs(bytes), decimals);
    return bytes < 0 && !isZero(text) ? `${MINUS}${text}` : text;
}
/** Like formatMiB with an explicit sign: "+1.2 MiB", "−812 KiB"; no sign when it rounds to zero. */
function formatSignedMiB(bytes, decimals = 1) {
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
function formatSignedPercent(fraction) {
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
function countOf(count, noun) {
    return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
/** "5.8–6.0 MiB" when both ends share a unit, else "1,020 KiB–1.1 MiB"; one figure when they agree. */
function formatRange(min, max, decimals = 1) {
    const low = formatMiB(min, decimals);
    const high = formatMiB(max, decimals);
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
function escapeMarkdown(text) {
    return text
        .replace(/\r\n|[\r\n]/g, ' ')
        .replace(/[&<>]/g, c => MARKDOWN_ESCAPES[c])
        .replace(/[\\|`*_[\]~$]/g, c => `\\${c}`);
}

;// CONCATENATED MODULE: ./src/gate.ts


function find(results, name) {
    return results.strategies.find(s => s.name === name);
}
/** A limit as the user likely wrote it: "150 MiB" rather than "150.0 MiB". */
function formatLimit(bytes) {
    return formatMiB(bytes, bytes % MIB === 0 ? 0 : 1);
}
/** Per-child USS that `freeze` saves over `none`, in percent of `none`; null unless both ran. */
function freezeSaving(results) {
    const none = find(results, 'none');
    const freeze = find(results, 'freeze');
    if (!none || !freeze || none.summary.uss.median <= 0)
        return null;
    return (1 - freeze.summary.uss.median / none.summary.uss.median) * 100;
}
function limitCheck(results, strategy, figure, limit) {
    const label = `${strategy}'s per-child ${figure.toUpperCase()}`;
    const rule = `fails if ${label} > ${formatLimit(limit)}`;
    const measured = find(results, strategy);
    if (!measured)
        return { rule, observed: `${strategy} was not measured`, passed: false };
    const median = measured.summary[figure].median;
    return { rule, observed: `${label} is ${formatMiB(median)}`, passed: median <= limit };
}
function savingCheck(results, least) {
    const rule = `fails if freeze saves less than ${least}% of none's per-child USS`;
    const saving = freezeSaving(results);
    if (saving === null) {
        return { rule, observed: 'none and freeze were not both measured', passed: false };
    }
    // A freeze that never ran (a server that forks from C) leaves nothing but noise to judge.
    const { missed, total } = hookMisses(find(results, 'freeze')?.runs ?? [], 'freeze');
    if (missed > 0) {
        return {
            rule,
            observed: `freeze was not applied: the strategy hook did not reach ${missed} of ${total} ` +
                'workers (see the warning)',
            passed: false
        };
    }
    const none = find(results, 'none')?.summary.uss.median ?? 0;
    const freeze = find(results, 'freeze')?.summary.uss.median ?? 0;
    return {
        rule,
        observed: `freeze saves ${formatPercent(saving / 100)} (${formatMiB(none)} → ${formatMiB(freeze)})`,
        passed: saving >= least
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

;// CONCATENATED MODULE: ./src/inputs.ts





const COMMENT_MODES = ['always', 'on-failure', 'never'];
/** Defaults of the inputs that have a fixed one; action.yml declares the same. */
const DEFAULTS = {
    [Inputs.Iterations]: '1',
    [Inputs.SampleInterval]: '500ms',
    [Inputs.Workers]: '4',
    [Inputs.Strategies]: 'none, freeze',
    [Inputs.Repeat]: '3',
    [Inputs.Python]: 'python3',
    [Inputs.WorkingDirectory]: '.',
    [Inputs.Timeout]: '5m',
    [Inputs.FailOnThreshold]: 'true',
    [Inputs.Comment]: 'always'
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
    return STRATEGIES.includes(name);
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
const ENTRYPOINT_ONLY = [Inputs.Worker, Inputs.Iterations, Inputs.Python];
const COMMAND_ONLY = [
    Inputs.ReadyUrl,
    Inputs.ReadyLog,
    Inputs.LoadCommand,
    Inputs.LoadDuration,
    Inputs.SampleInterval
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
    const entrypoint = value(Inputs.Entrypoint);
    const command = value(Inputs.Command);
    if (entrypoint !== '' && command !== '') {
        problem(`${subject(Inputs.Entrypoint)} and ${refer(Inputs.Command)} exclude each other; got both ` +
            `(${shown(entrypoint)} and ${shown(command)}). Keep ${refer(Inputs.Entrypoint)} to preload ` +
            `a Python import spec and fork from it, or ${refer(Inputs.Command)} to measure a server ` +
            'command line.');
        return null;
    }
    if (entrypoint === '' && command === '') {
        problem(`${subject(Inputs.Entrypoint)} or ${refer(Inputs.Command)} is required: ` +
            `${refer(Inputs.Entrypoint)} is ${IMPORT_SPEC_FORMS} to preload and fork from, ` +
            `${refer(Inputs.Command)} a server command line such as 'gunicorn --preload -w 4 app:app'.`);
        return null;
    }
    /** Given a value of its own: not empty, not its default. */
    const isSet = (name) => {
        const text = value(name);
        return text !== '' && text !== DEFAULTS[name];
    };
    if (command === '') {
        for (const name of COMMAND_ONLY.filter(isSet)) {
            problem(`${subject(name)} applies only to ${refer(Inputs.Command)}; got ${shown(value(name))} with ` +
                `${refer(Inputs.Entrypoint)}. Remove it, or measure a server command line with ` +
                `${refer(Inputs.Command)}.`);
        }
        const worker = value(Inputs.Worker) || null;
        for (const [name, spec] of [
            [Inputs.Entrypoint, entrypoint],
            [Inputs.Worker, worker ?? '']
        ]) {
            // A callable is named, not called: `app:create_app()` is a common carry-over from gunicorn.
            if (spec !== '' && !isImportSpec(spec))
                reject(name, spec, IMPORT_SPEC_FORMS);
        }
        return {
            kind: 'entrypoint',
            entrypoint,
            worker,
            iterations: input.wholeNumber(Inputs.Iterations, 0, Number.MAX_SAFE_INTEGER),
            python: value(Inputs.Python, DEFAULTS[Inputs.Python])
        };
    }
    const instead = {
        [Inputs.Worker]: `A server's work is the requests it serves: send them with ${refer(Inputs.LoadCommand)}.`,
        [Inputs.Iterations]: `Remove it: ${refer(Inputs.LoadCommand)} decides how much work the workers do.`,
        [Inputs.Python]: "The command starts its own interpreter: remove the input and name the interpreter in the command, such as 'python3.12 -m gunicorn …'."
    };
    for (const name of ENTRYPOINT_ONLY.filter(isSet)) {
        problem(`${subject(name)} does not apply to ${refer(Inputs.Command)}; got ${shown(value(name))}. ` +
            instead[name]);
    }
    const url = value(Inputs.ReadyUrl);
    const log = value(Inputs.ReadyLog);
    if (url !== '' && log !== '') {
        problem(`${subject(Inputs.ReadyUrl)} and ${refer(Inputs.ReadyLog)} exclude each other; got both ` +
            `(${shown(url)} and ${shown(log)}). Keep the URL to wait for a 2xx answer, or the pattern ` +
            "to wait for a line of the server's output.");
    }
    else if (url !== '' && !isHttpUrl(url)) {
        reject(Inputs.ReadyUrl, url, "an http:// or https:// URL such as 'http://127.0.0.1:8000/'");
    }
    const logIssue = log === '' ? null : regexProblem(log);
    if (logIssue !== null) {
        problem(`${subject(Inputs.ReadyLog)} must be a regular expression (JavaScript syntax) such as ` +
            `'Booting worker'; got ${shown(log)}, which does not compile: ${logIssue}.`);
    }
    let ready = { kind: 'settle' };
    if (url !== '' && log === '')
        ready = { kind: 'url', url };
    if (log !== '' && url === '' && logIssue === null)
        ready = { kind: 'log', pattern: new RegExp(log) };
    const durationText = value(Inputs.LoadDuration);
    const loadDurationMs = durationText === '' ? null : parseDuration(durationText);
    if (durationText !== '' && loadDurationMs === null) {
        reject(Inputs.LoadDuration, durationText, DURATION_FORMS);
    }
    const intervalText = value(Inputs.SampleInterval, DEFAULTS[Inputs.SampleInterval]);
    const sampleIntervalMs = parseDuration(intervalText) ?? 0;
    if (sampleIntervalMs < SAMPLE_INTERVAL_MS.min || sampleIntervalMs > SAMPLE_INTERVAL_MS.max) {
        reject(Inputs.SampleInterval, intervalText, 'a duration from 100ms to 1h such as 250ms or 2s');
    }
    return {
        kind: 'command',
        command,
        ready,
        loadCommand: value(Inputs.LoadCommand) || null,
        loadDurationMs,
        sampleIntervalMs
    };
}
function defaultCommentKey(env) {
    return env.GITHUB_WORKFLOW && env.GITHUB_JOB
        ? `${env.GITHUB_WORKFLOW}/${env.GITHUB_JOB}`
        : 'default';
}
/**
 * Reads every input through `read` (which returns '' for an unset input) and validates them all.
 * Throws one InputError listing every problem; nothing has run at that point. `refer` names an
 * input in messages, so the CLI can speak of its flags instead.
 */
function getSettings(read, env = process.env, refer = name => `input '${name}'`) {
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
    const target = readTarget({
        value,
        subject,
        refer,
        reject,
        problem: text => problems.push(text),
        wholeNumber
    });
    const workers = wholeNumber(Inputs.Workers, 1, 1024);
    const repeat = wholeNumber(Inputs.Repeat, 1, 100);
    const strategiesText = value(Inputs.Strategies, DEFAULTS[Inputs.Strategies]);
    const named = splitList(strategiesText);
    const unknown = named.filter(name => !isStrategy(name));
    const strategies = named.filter(isStrategy);
    const strategiesValid = unknown.length === 0 && strategies.length > 0;
    if (!strategiesValid) {
        const why = unknown.length > 0 ? ` (unknown: ${listOf(unknown)})` : '';
        problems.push(`${subject(Inputs.Strategies)} must list one or more of ${listOf(STRATEGIES)}, ` +
            `comma- or newline-separated; got ${shown(strategiesText)}${why}.`);
    }
    const directoryText = value(Inputs.WorkingDirectory, DEFAULTS[Inputs.WorkingDirectory]);
    const workingDirectory = (0,external_node_path_namespaceObject.resolve)(env.GITHUB_WORKSPACE || process.cwd(), directoryText);
    const directoryIssue = directoryProblem(workingDirectory);
    if (directoryIssue) {
        problems.push(`${subject(Inputs.WorkingDirectory)} must be an existing directory; got ` +
            `${shown(directoryText)}, which resolves to ${workingDirectory} and ${directoryIssue}.`);
    }
    const timeoutText = value(Inputs.Timeout, DEFAULTS[Inputs.Timeout]);
    const timeoutMs = parseDuration(timeoutText);
    if (timeoutMs === null)
        reject(Inputs.Timeout, timeoutText, DURATION_FORMS);
    const gateText = value(Inputs.GateStrategy);
    let gateStrategy = strategies.includes('freeze') ? 'freeze' : (strategies[0] ?? 'none');
    if (gateText !== '') {
        if (isStrategy(gateText) && (!strategiesValid || strategies.includes(gateText))) {
            gateStrategy = gateText;
        }
        else {
            const among = strategiesValid ? strategies : STRATEGIES;
            reject(Inputs.GateStrategy, gateText, `one of the measured strategies (${listOf(among)})`);
        }
    }
    const size = (name) => {
        const text = value(name);
        if (text === '')
            return null;
        const bytes = parseSize(text);
        if (bytes === null)
            reject(name, text, SIZE_FORMS);
        return bytes;
    };
    const maxUss = size(Inputs.MaxUss);
    const maxPss = size(Inputs.MaxPss);
    const savingText = value(Inputs.MinFreezeSaving);
    let minFreezeSaving = null;
    if (savingText !== '') {
        minFreezeSaving = parsePercent(savingText);
        if (minFreezeSaving === null) {
            reject(Inputs.MinFreezeSaving, savingText, 'a percentage from 0 to 100 such as 50 or 50%');
        }
        else if (strategiesValid && !(strategies.includes('none') && strategies.includes('freeze'))) {
            problems.push(`${subject(Inputs.MinFreezeSaving)} compares freeze with none, so ${refer(Inputs.Strategies)} ` +
                `must include both; got ${shown(strategiesText)}.`);
        }
    }
    const failText = value(Inputs.FailOnThreshold, DEFAULTS[Inputs.FailOnThreshold]);
    if (!TRUE.includes(failText) && !FALSE.includes(failText)) {
        reject(Inputs.FailOnThreshold, failText, 'true or false');
    }
    const commentText = value(Inputs.Comment, DEFAULTS[Inputs.Comment]);
    const comment = COMMENT_MODES.find(mode => mode === commentText.toLowerCase());
    if (!comment)
        reject(Inputs.Comment, commentText, `one of ${listOf(COMMENT_MODES)}`);
    // The key ends up inside an HTML comment that marks our PR comment.
    const commentKey = value(Inputs.CommentKey, defaultCommentKey(env));
    if (/[\r\n]/.test(commentKey) || commentKey.includes('-->')) {
        reject(Inputs.CommentKey, commentKey, "one line without '-->'");
    }
    const githubToken = value(Inputs.GithubToken);
    // A target is missing only with a problem that says why.
    if (problems.length > 0 || target === null) {
        // A token pasted into the wrong input must not leak through the message.
        const redact = (p) => (githubToken ? p.split(githubToken).join('***') : p);
        throw new InputError(problems.map(redact));
    }
    const common = { workers, strategies, repeat, workingDirectory, timeoutMs: timeoutMs ?? 0 };
    return {
        measure: { ...target, ...common },
        gate: {
            strategy: gateStrategy,
            maxUss,
            maxPss,
            minFreezeSaving,
            failOnThreshold: TRUE.includes(failText)
        },
        comment: comment ?? 'always',
        commentKey,
        githubToken
    };
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
        .map((line, i) => `${palette[i].square} ${escapeMarkdown(line.name)}`)
        .join(' · ');
    const shortest = Math.min(...ends);
    // Loads within half a step of the longest end in the same column.
    const note = shortest < lastMs - step / 2 ? ' (a line whose load ended sooner holds its last sample)' : '';
    return `${chart.join('\n')}\n\n${legend}${note}\n`;
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
function targetLabel(target) {
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
    const from = formatMiB(baseline.summary.uss.median);
    const to = formatMiB(candidate.summary.uss.median);
    const percent = change === null ? '' : ` (${formatSignedPercent(change)})`;
    // The fleet figure is per-child delta × workers: whole MiB is as precise as it deserves.
    const fleet = `${formatMiB(Math.abs(delta) * workers, 0)} ${delta < 0 ? 'less' : 'more'}`;
    const across = countOf(workers, 'worker');
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
function headline(results) {
    const comparison = freezeComparison(results);
    const words = wordsFor(results);
    if (comparison !== null)
        return comparisonSentence(comparison, results.workers, words);
    if (results.strategies.length === 1) {
        const [only] = results.strategies;
        return (`With ${RECIPE[only.name]} (${only.name}), each worker keeps ` +
            `${formatMiB(only.summary.uss.median)} private (USS), and the whole tree's PSS is ` +
            `${formatMiB(only.summary.treePss)} with N = ${countOf(results.workers, 'worker')}.`);
    }
    const figures = results.strategies.map(s => `${formatMiB(s.summary.uss.median)} with ${RECIPE[s.name]}`);
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
    const paragraphs = warnings.map(warning => `> ${escapeMarkdown(warning)}`);
    return `> [!WARNING]\n${paragraphs.join('\n>\n')}`;
}
/** The median worker's USS over the load, one line per strategy; null outside command mode. */
function loadChart(results) {
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
function strategyTable(results) {
    const baseline = findStrategy(results, 'none');
    const ussCell = (s) => {
        const uss = formatMiB(s.summary.uss.median);
        if (baseline === undefined || s === baseline)
            return uss;
        const { change } = compareUss(baseline, s);
        return change === null ? uss : `${uss} (${formatSignedPercent(change)})`;
    };
    const rows = results.strategies.map(s => [
        strategyCell(s),
        ussCell(s),
        formatMiB(s.summary.uss.max),
        formatMiB(s.summary.pss.median),
        formatMiB(s.summary.rss.median),
        formatPercent(sharedShare(s.summary)),
        formatMiB(s.summary.cowLoss.median),
        formatMiB(s.summary.treePss)
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
        `tree PSS = ${parent} + ${countOf(results.workers, 'worker')}.`;
    const align = ['left', ...header.slice(1).map(() => 'right')];
    return `${table(header, align, rows)}\n\n${note}`;
}
/** Total memory (tree PSS) at larger worker counts, extrapolated linearly per strategy. */
function projectionTable(results) {
    const measured = results.workers;
    const counts = [measured, ...PROJECTED_WORKERS.filter(count => count !== measured)];
    const header = [
        'Strategy',
        ...counts.map(count => `${countOf(count, 'worker')}${count === measured ? ' (measured)' : ''}`)
    ];
    const rows = results.strategies.map(s => [
        strategyCell(s),
        ...counts.map(count => formatMiB(projectTreePss(s, measured, count)))
    ]);
    const { child } = wordsFor(results);
    const note = `Linear projection from the ${countOf(measured, 'worker')} measured: the shared part ` +
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
        master ? `master (${escapeMarkdown(master.name)}, pid ${master.pid})` : words.parent,
        formatMiB(parent.uss),
        formatMiB(parent.pss),
        formatMiB(parent.rss),
        DASH,
        formatCount(parent.minorFaults),
        DASH,
        DASH,
        DASH
    ];
    const losses = cowLosses(run);
    const childRows = children.map((child, i) => [
        `${words.child} ${i + 1}`,
        formatMiB(child.uss),
        formatMiB(child.pss),
        formatMiB(child.rss),
        formatMiB(losses[i]),
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
        const under = master === undefined ? '' : ` under ${escapeMarkdown(master)}`;
        return [
            `- **Command:** ${escapeMarkdown(target.command)}`,
            `- **Ready:** ${escapeMarkdown(readyText(target.ready))}`,
            `- **Load:** ${loadText(target, escapeMarkdown)}`,
            `- **Workers:** ${results.workers}${under}; ${runs}`
        ];
    }
    const worker = target.worker === null
        ? 'none'
        : `${escapeMarkdown(target.worker)} × ${formatCount(target.iterations)}`;
    return [
        `- **Target:** ${escapeMarkdown(target.entrypoint)}; worker: ${worker}`,
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
    return `${escapeMarkdown(python.version)} (${escapeMarkdown(python.implementation)}, ${build}) at ${escapeMarkdown(python.executable)}${where}`;
}
/** The environment stamp and the run-to-run spread, folded; a visible warning for the 3.14 collector. */
function environmentDetails(results) {
    const { environment: env } = results;
    const { python } = env;
    const lines = [
        ...targetLines(results),
        `- **Python:** ${pythonText(results)}`,
        `- **Kernel:** ${escapeMarkdown(env.kernel)}; page size ${formatMiB(env.pageSize)}; transparent hugepages: ${escapeMarkdown(env.transparentHugepages)}`,
        `- **CPUs:** ${env.cpus}; **runner:** ${escapeMarkdown(env.runner)}`,
        `- **Commit:** ${env.gitSha === null ? 'unknown' : escapeMarkdown(env.gitSha)}`,
        `- **Measured:** ${escapeMarkdown(env.timestamp)} by ${escapeMarkdown(results.tool.name)} ${escapeMarkdown(results.tool.version)}`
    ];
    const block = details('Environment and spread', `${lines.join('\n')}\n\n${spreadTable(results)}`);
    if (!python.incrementalGc)
        return block;
    const warning = `> **Warning:** Python ${escapeMarkdown(python.version)} runs the incremental garbage collector of ` +
        `CPython 3.14.0–3.14.4; its figures are not comparable with other Python versions.`;
    return `${warning}\n\n${block}`;
}
/** The whole report, from a `###` heading down; `detail` drops the folded sections. */
function renderReport(results, options = {}) {
    const detail = options.detail ?? 'full';
    const sections = [
        title(results),
        warningsBlock(results),
        headline(results),
        strategyTable(results)
    ];
    if (detail !== 'minimal')
        sections.push(loadChart(results), projectionTable(results));
    if (detail === 'full')
        sections.push(perChildDetails(results));
    if (detail !== 'minimal')
        sections.push(environmentDetails(results));
    return `${sections.filter(section => section !== null).join('\n\n')}\n`;
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
        formatMiB(summary.uss.median),
        formatMiB(summary.pss.median),
        formatMiB(summary.rss.median),
        formatMiB(summary.cowLoss.median),
        formatMiB(summary.treePss)
    ]);
    return [
        `Prefork memory: ${printable(targetLabel(results.target))}`,
        ...(results.warnings ?? []).map(warning => `Warning: ${printable(warning)}`),
        headline(results),
        '',
        ...alignColumns([header, ...rows]),
        '',
        `Medians of ${results.repeat} runs, ${after}; tree PSS = ${parent} + ${countOf(results.workers, 'worker')}.`,
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts


/** Every action input is a flag of the same name, except the token: the CLI never comments. */
const INPUT_FLAGS = Object.values(Inputs).filter(name => name !== Inputs.GithubToken);
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

Output:
  --json FILE                write the results JSON
  --markdown FILE            write the Markdown report
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
        return 'Gate: no limits set (see --max-uss, --max-pss, --min-freeze-saving).\n';
    }
    const lines = verdict.checks.map(check => `  ${check.passed ? '✓' : '✗'} ${check.rule}: ${check.observed}`);
    let outcome = 'pass';
    if (!verdict.passed)
        outcome = verdict.enforced ? 'fail' : 'fail, not enforced (--fail-on-threshold false)';
    return `Gate: ${outcome}\n${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/main.ts












const ExitCode = { Passed: 0, LimitCrossed: 1, Error: 2 };
/** A message for the user; a stack only for errors that point at a bug in this tool. */
function describe(error) {
    if (error instanceof TypeError || error instanceof ReferenceError)
        return String(error.stack);
    return error instanceof Error ? error.message : String(error);
}
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
    try {
        const results = await io.measure(settings.measure, { proc: createProcReader(), log, refer });
        if (args.json)
            write(args.json, `${JSON.stringify(results, null, 2)}\n`, 'json');
        if (args.markdown)
            write(args.markdown, renderReport(results, { detail: 'full' }), 'markdown');
        const verdict = judge(results, settings.gate);
        io.stdout(`${renderTerminal(results)}\n${formatVerdict(verdict)}`);
        return verdict.passed || !verdict.enforced ? ExitCode.Passed : ExitCode.LimitCrossed;
    }
    catch (error) {
        // Runs that completed are shown, but not written to --json or --markdown as if they were all.
        if (error instanceof MeasureError && error.partial !== null) {
            io.stdout(`Completed before the failure:\n${renderTerminal(error.partial)}`);
        }
        return fail(describe(error));
    }
}
async function runCli() {
    process.exitCode = await cli({
        argv: process.argv.slice(2),
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        env: process.env,
        platform: process.platform,
        measure: measure
    });
}

;// CONCATENATED MODULE: ./src/cli/index.ts


stopRunsOnSignals(message => process.stderr.write(`error: ${message}\n`));
void runCli();

