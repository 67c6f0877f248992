// Writes the README's inputs and outputs tables from action.yml, between marker comments.
//   node scripts/docs.mjs           rewrite README.md in place
//   node scripts/docs.mjs --check   exit 1 when README.md differs from what action.yml says
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Parses the YAML subset action.yml uses: nested mappings, plain and quoted scalars, and `|`/`>`
 * block scalars. Anything else (sequences, flow style, anchors, tags) is an error rather than a
 * silent misreading. Every scalar stays a string.
 */
export function parseActionYaml(text) {
  const lines = text.split(/\r?\n/)
  let i = 0
  const fail = message => {
    throw new Error(`action.yml line ${i + 1}: ${message}`)
  }
  const indentOf = line => line.length - line.trimStart().length
  const isBlank = line => /^\s*(#.*)?$/.test(line)
  const skipBlank = () => {
    while (i < lines.length && isBlank(lines[i])) i++
  }

  const scalar = raw => {
    if (raw.startsWith("'")) {
      const m = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(raw)
      if (!m) fail(`unterminated single-quoted scalar: ${raw}`)
      return m[1].replace(/''/g, "'")
    }
    if (raw.startsWith('"')) {
      const m = /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/.exec(raw)
      if (!m) fail(`unterminated double-quoted scalar: ${raw}`)
      try {
        return JSON.parse(`"${m[1]}"`)
      } catch {
        fail(`unsupported escape in ${raw}`)
      }
    }
    if (/^[[\]{}&*!%@`]|^-(\s|$)/.test(raw)) fail(`unsupported YAML: ${raw}`)
    return raw.replace(/\s+#.*$/, '').trim()
  }

  const block = (header, parentIndent) => {
    const m = /^([|>])([+-]?)\s*(#.*)?$/.exec(header)
    if (!m) fail(`unsupported block scalar header: ${header}`)
    const [, style, chomping] = m
    const body = []
    while (i < lines.length && (lines[i].trim() === '' || indentOf(lines[i]) > parentIndent)) {
      body.push(lines[i])
      i++
    }
    const first = body.find(line => line.trim() !== '')
    const indent = first === undefined ? 0 : indentOf(first)
    const content = body.map(line => (line.trim() === '' ? '' : line.slice(indent)))
    let trailing = 0
    while (content.length > 0 && content[content.length - 1] === '') {
      content.pop()
      trailing++
    }
    let value = ''
    if (style === '|') {
      value = content.join('\n')
    } else {
      for (const [n, line] of content.entries()) {
        if (line.startsWith(' ')) fail('more-indented lines in a folded scalar are not supported')
        if (line === '') value += '\n'
        else value += n > 0 && content[n - 1] !== '' ? ` ${line}` : line
      }
    }
    if (chomping === '-' || content.length === 0) return value
    return value + (chomping === '+' ? '\n'.repeat(trailing + 1) : '\n')
  }

  const mapping = indent => {
    const map = {}
    for (;;) {
      skipBlank()
      if (i >= lines.length) return map
      const line = lines[i]
      if (line.includes('\t')) fail('tabs are not allowed')
      const here = indentOf(line)
      if (here < indent) return map
      if (here > indent) fail('unexpected indentation')
      const m = /^([A-Za-z0-9_-]+):(?:\s+(.*))?$/.exec(line.slice(here))
      if (!m) fail(`expected "key: value", got: ${line.trim()}`)
      const [, key, rest = ''] = m
      if (Object.hasOwn(map, key)) fail(`duplicate key ${key}`)
      if (rest === '' || rest.startsWith('#')) {
        i++
        skipBlank()
        const nested = i < lines.length && indentOf(lines[i]) > indent
        map[key] = nested ? mapping(indentOf(lines[i])) : ''
      } else if (/^[|>]/.test(rest)) {
        i++
        map[key] = block(rest, indent)
      } else {
        map[key] = scalar(rest)
        i++
      }
    }
  }

  return mapping(0)
}

/** One table cell: a single line, with pipes escaped so they cannot end the cell. */
function cell(text) {
  return text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
}

export function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    let byDefault = ''
    if (input.required === 'true') byDefault = '*required*'
    else if (input.default) byDefault = `\`${input.default}\``
    return `| \`${name}\` | ${cell(input.description ?? '')} | ${cell(byDefault)} |`
  })
  return ['| Input | Description | Default |', '|---|---|---|', ...rows].join('\n') + '\n'
}

export function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description ?? '')} |`
  )
  return ['| Output | Description |', '|---|---|', ...rows].join('\n') + '\n'
}

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) {
    throw new Error(`README.md needs the markers ${start} and ${end}, in that order.`)
  }
  return `${text.slice(0, from + start.length)}\n${body}${text.slice(to)}`
}

/** The README with both tables regenerated from the action.yml text. */
export function updateReadme(readme, actionText) {
  const action = parseActionYaml(actionText)
  const withInputs = replaceBetween(readme, 'inputs', inputsTable(action))
  return replaceBetween(withInputs, 'outputs', outputsTable(action))
}

function main(args) {
  const unknown = args.filter(arg => arg !== '--check')
  if (unknown.length > 0)
    throw new Error(`unknown argument ${unknown[0]}; usage: docs.mjs [--check]`)
  const root = new URL('../', import.meta.url)
  const readmePath = fileURLToPath(new URL('README.md', root))
  const readme = readFileSync(readmePath, 'utf8')
  const updated = updateReadme(readme, readFileSync(new URL('action.yml', root), 'utf8'))
  if (args.includes('--check')) {
    if (updated === readme) return 0
    console.error(
      'README.md inputs/outputs tables differ from action.yml; run `node scripts/docs.mjs`.'
    )
    return 1
  }
  if (updated !== readme) {
    writeFileSync(readmePath, updated)
    console.log(`Updated the inputs and outputs tables in ${readmePath}.`)
  }
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    console.error(`docs.mjs: ${error.message}`)
    process.exitCode = 1
  }
}
