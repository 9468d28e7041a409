export const id = 210;
export const ids = [210];
export const modules = {

/***/ 7210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishQueriesCli: () => (/* binding */ publishQueriesCli)
});

// EXTERNAL MODULE: ./src/aws/clients.ts + 2 modules
var clients = __webpack_require__(2761);
// EXTERNAL MODULE: ./src/queries/files.ts
var queries_files = __webpack_require__(5499);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/queries/publish.ts + 3 modules
var publish = __webpack_require__(2836);
// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
;// CONCATENATED MODULE: ./src/report/publish-summary.ts
/**
 * The job-summary section of a publish: counts, then the paths of each outcome and the failures.
 * Paths come from the repository and names from Athena (anyone with console access writes them):
 * they go in as text or code of the report document, escaped there.
 */

function renderPublishSummary(result, workgroup) {
    return (0,report_document/* renderMarkdown */.Gc)(publishSummaryDocument(result, workgroup));
}
/** The same report as a document: Markdown for the job summary, plain text for the command line. */
function publishSummaryDocument(result, workgroup) {
    const title = [(0,report_document/* raw */.lS)('Athena named queries')];
    if (workgroup)
        title.push((0,report_document/* raw */.lS)(' in '), (0,report_document/* text */.Qq)(workgroup));
    if (result.dryRun)
        title.push((0,report_document/* raw */.lS)(' (dry run: nothing written)'));
    const would = result.dryRun ? 'to ' : '';
    const rows = [
        [`${would}create`, result.created],
        [`${would}update`, result.updated],
        [`${would}delete`, result.deleted],
        ['unchanged', result.unchanged],
        ['not created by this action (left alone)', result.foreignKept],
        ["copies carrying this action's marker (left alone)", result.duplicates.map((copy) => copy.namedQueryId)]
    ];
    const blocks = [
        { kind: 'heading', level: 3, line: title },
        {
            kind: 'table',
            header: ['Outcome', 'Count'],
            align: ['l', 'r'],
            rows: [
                ...rows.map(([label, items]) => [[(0,report_document/* raw */.lS)(label)], String(items.length)]),
                [[(0,report_document/* raw */.lS)('failed')], String(result.failures.length)]
            ]
        }
    ];
    if (result.refusedDeletes && result.dryRun) {
        // The failure table carries it on a real run; a dry run succeeds, so it is said here.
        blocks.push({
            kind: 'paragraph',
            line: [
                (0,report_document/* raw */.lS)('**A real run would stop:** ', 'A real run would stop: '),
                (0,report_document/* text */.Qq)(result.refusedDeletes.message)
            ]
        });
    }
    for (const [label, items] of rows.slice(0, 3)) {
        if (items.length === 0)
            continue;
        const paths = items.flatMap((item, i) => (i === 0 ? [(0,report_document/* code */.aY)(item)] : [(0,report_document/* raw */.lS)(', '), (0,report_document/* code */.aY)(item)]));
        const capitalized = `${label[0]?.toUpperCase()}${label.slice(1)}`;
        blocks.push({
            kind: 'paragraph',
            line: [(0,report_document/* raw */.lS)(`**${capitalized}:** `, `${capitalized}: `), ...paths]
        });
    }
    if (result.duplicates.length > 0) {
        blocks.push({
            kind: 'table',
            header: ['Copy (left alone)', 'Id', 'Of file', 'Why it is not changed'],
            rows: result.duplicates.map((copy) => [
                [(0,report_document/* text */.Qq)(copy.name)],
                [(0,report_document/* code */.aY)(copy.namedQueryId)],
                [(0,report_document/* code */.aY)(copy.path)],
                [(0,report_document/* text */.Qq)(copy.why)]
            ])
        });
    }
    if (result.failures.length > 0) {
        blocks.push({
            kind: 'table',
            header: ['File', 'Problem'],
            rows: result.failures.map((failure) => [[(0,report_document/* code */.aY)(failure.path)], [(0,report_document/* text */.Qq)(failure.message)]])
        });
    }
    return blocks;
}

// EXTERNAL MODULE: ./src/report/terminal.ts
var terminal = __webpack_require__(7496);
// EXTERNAL MODULE: ./src/cli/aws.ts
var aws = __webpack_require__(8755);
// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __webpack_require__(5217);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/cli/repository.ts
/**
 * The repository name publish-queries writes into its ownership markers. In a workflow it is
 * GITHUB_REPOSITORY; from a clone, the same `owner/name` read from the origin remote, so that a
 * publish from a laptop and one from the workflow recognise each other's named queries.
 */

/** `owner/name` of a Git remote URL (https, ssh or scp-like), or undefined. */
function repositoryOfRemote(url) {
    const path = url
        .trim()
        .replace(/^[a-z+]+:\/\/[^/]+\//i, '') // https://host/..., ssh://git@host/...
        .replace(/^[^@/:]+@[^:/]+:/, '') // git@host:...
        .replace(/\.git$/, '')
        .replace(/\/+$/, '');
    const match = /(?:^|\/)([\w.-]+)\/([\w.-]+)$/.exec(path);
    return match ? `${match[1]}/${match[2]}` : undefined;
}
async function publishingRepository(env, cwd) {
    if (env.GITHUB_REPOSITORY)
        return { owner: env.GITHUB_REPOSITORY, from: 'GITHUB_REPOSITORY' };
    const url = await new Promise((resolve) => (0,external_node_child_process_.execFile)('git', ['config', '--get', 'remote.origin.url'], { cwd }, (error, stdout) => resolve(error ? '' : stdout)));
    const repository = repositoryOfRemote(url);
    return repository ? { owner: repository, from: 'the origin remote' } : { owner: 'local', from: 'no remote' };
}

;// CONCATENATED MODULE: ./src/cli/publish.ts
/**
 * `cloudtrail-partitions publish-queries [GLOB...]`: the action's publish from a shell. The owner
 * in the ownership markers is the repository (GITHUB_REPOSITORY, else the origin remote), so a
 * publish from a clone and one from the workflow treat the same named queries as theirs.
 */









async function publishQueriesCli(context) {
    const { options, stdout, stderr, logger } = context;
    const settings = (0,inputs/* readPublishSettings */.DJ)(context.read, context.env);
    const paths = await (0,queries_files/* findQueryFiles */.LX)(settings.queries);
    const files = await Promise.all(paths.map((path) => (0,queries_files/* readQueryFileOrRefusal */.aK)(path)));
    const { owner, from } = await publishingRepository(context.env, context.cwd);
    logger.info(`${files.length} query file(s) for workgroup ${settings.workgroup}; owner ${owner} (${from})`);
    const credentials = (0,aws/* chainCredentials */.a)(options.profile, context.env);
    await (0,aws/* resolveCredentials */.z8)(credentials);
    const { athena } = (0,clients/* createClients */.hP)(settings.awsRegion, credentials);
    const result = await (0,publish/* publishQueries */.kL)(athena, {
        files,
        owner,
        workgroup: settings.workgroup,
        database: settings.database,
        deleteMissing: settings.deleteMissing,
        maxDeletes: settings.maxDeleteQueries,
        dryRun: settings.dryRun
    }, logger);
    const changed = result.created.length + result.updated.length + result.deleted.length;
    if (!result.dryRun && changed > 0) {
        context.changed(`the named queries were published and stand (created ${result.created.length}, ` +
            `updated ${result.updated.length}, deleted ${result.deleted.length})`);
    }
    if (options.format === 'json')
        stdout.write(JSON.stringify({ workgroup: settings.workgroup, owner, ...result }, null, 2) + '\n');
    else if (options.format === 'markdown')
        stdout.write(renderPublishSummary(result, settings.workgroup));
    else
        stdout.write((0,terminal/* renderPlain */.ld)(publishSummaryDocument(result, settings.workgroup), { width: (0,cli_context/* widthOf */.q)(stdout) }));
    if (result.failures.length > 0) {
        stderr.write(`error: ${result.failures.length} query file(s) could not be published (see above).\n`);
        return cli_context/* ExitCode */.y.Failed;
    }
    return cli_context/* ExitCode */.y.Done;
}


/***/ }),

/***/ 5499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ findQueryFiles),
/* harmony export */   aK: () => (/* binding */ readQueryFileOrRefusal),
/* harmony export */   zh: () => (/* binding */ readQueryFileUpTo)
/* harmony export */ });
/* unused harmony exports workspace, checkQueriesPattern, openQueryFile, readQueryFile */
/* harmony import */ var _actions_glob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8799);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(209);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8941);
/**
 * Finds and reads the query SQL files of the `queries` input: paths relative to the workspace, with
 * forward slashes, sorted, so that they are the same on every run (publish-queries writes them into
 * the named queries as the proof of ownership).
 *
 * A pull request chooses the files: only regular files inside GITHUB_WORKSPACE are read. The pattern
 * cannot climb out (`..`, absolute paths and `~` are refused), the glob does not follow links (a
 * folder link is not descended), and each file is read only when it is not a link, is a regular file
 * and resolves inside the workspace; anything else is a RefusedFileError saying why, never read.
 */






function workspace() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
/**
 * The pattern's lines (globs, `!` exclusions, `#` comments, as @actions/glob reads them), refused
 * when one of them could match outside the workspace.
 */
function checkQueriesPattern(pattern) {
    for (const line of pattern.split(/\r?\n|\r/).map((part) => part.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const path = line.replace(/^!+/, '');
        const climbs = path.split(/[\\/]/).includes('..');
        const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) || /^[a-zA-Z]:/.test(path) || path.startsWith('\\');
        if (climbs || absolute || path.startsWith('~')) {
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Queries}': '${line}' could match files outside the workspace; ` +
                `write a pattern relative to the repository root without '..', '~' or a leading '/' (for example queries/**/*.sql).`);
        }
    }
}
async function findQueryFiles(pattern, root = workspace()) {
    checkQueriesPattern(pattern);
    // lstat only: a link is listed as itself (and refused when read), a folder link is not descended.
    const globber = await _actions_glob__WEBPACK_IMPORTED_MODULE_0__/* .create */ .v(pattern, { matchDirectories: false, followSymbolicLinks: false });
    const files = (await globber.glob())
        .filter((path) => path.toLowerCase().endsWith('.sql'))
        .map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(root, path))
        .filter((path) => path !== '' && !path.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path))
        .map((path) => path.split(node_path__WEBPACK_IMPORTED_MODULE_3__.sep).join('/'))
        .sort();
    if (files.length === 0) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Input '${_vocabulary_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Queries}': '${pattern}' matches no .sql file under ${root}. ` +
            `Check the pattern, and that the job checks out the repository (actions/checkout) first.`);
    }
    return files;
}
const realRoots = new Map();
/**
 * Opens a query file for reading only when it is a regular file inside the workspace, not a link:
 * every reader of query files goes through here. Throws RefusedFileError, saying why, otherwise.
 */
async function openQueryFile(path, root = workspace()) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, path);
    const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(full);
    if (stats.isSymbolicLink()) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('symbolic link: links are not followed, so this file is not read');
    }
    if (!stats.isFile()) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('not a regular file (a folder, pipe, socket or device), so it is not read');
    }
    let realRoot = realRoots.get(root);
    if (!realRoot)
        realRoots.set(root, (realRoot = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(root)));
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(await realRoot, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(full));
    if (inside === '' || inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_3__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(inside)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('resolves outside the workspace through a linked folder, so it is not read');
    }
    // O_NOFOLLOW and a check of the open file: a link or pipe swapped in since the lstat is not read.
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(full, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK);
    try {
        if (!(await handle.stat()).isFile())
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc('not a regular file, so it is not read');
        return handle;
    }
    catch (error) {
        await handle.close();
        throw error;
    }
}
/** The file's text, read only when it is a regular file inside the workspace, not through a link. */
async function readQueryFile(path, root = workspace()) {
    const handle = await openQueryFile(path, root);
    try {
        return await handle.readFile('utf8');
    }
    finally {
        await handle.close();
    }
}
/**
 * The file's text, or its size when it has more than `maxBytes` bytes, opened as openQueryFile does
 * (RefusedFileError for a link or a file outside the workspace): the size is read before the content, and no more than `maxBytes + 1` bytes are ever read (a file can grow in between).
 */
async function readQueryFileUpTo(path, maxBytes, root = workspace()) {
    const handle = await openQueryFile(path, root);
    try {
        const { size } = await handle.stat();
        if (size > maxBytes)
            return { bytes: size };
        // Read in chunks up to one byte past the limit, whatever the size said.
        const chunks = [];
        let length = 0;
        while (length <= maxBytes) {
            const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            length += bytesRead;
        }
        if (length > maxBytes)
            return { bytes: length };
        return Buffer.concat(chunks, length).toString('utf8');
    }
    finally {
        await handle.close();
    }
}
/** For publishing: a link or a file outside the workspace is not read; it becomes a failure of that file. */
async function readQueryFileOrRefusal(path, root = workspace()) {
    try {
        return { path, sql: await readQueryFile(path, root) };
    }
    catch (error) {
        if (!(error instanceof _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .RefusedFileError */ .pc))
            throw error;
        return { path, sql: '', refused: error.message };
    }
}


/***/ }),

/***/ 7496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ld: () => (/* binding */ renderPlain)
/* harmony export */ });
/* unused harmony exports inlineTerminal, breakSql */
/* harmony import */ var _vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(153);

const ALERT_LABELS = { NOTE: 'Note', WARNING: 'Warning', CAUTION: 'Caution' };
function inlineTerminal(line) {
    const parts = typeof line === 'string' ? [{ kind: 'text', value: line }] : line;
    return parts
        .map((part) => {
        if (part.kind !== 'raw')
            return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(part.value.replace(/\s+/g, ' '));
        // Our own Markdown given without a plain form: its bold markers mean nothing on a terminal.
        return part.plain === part.markdown ? part.plain.replace(/\*\*(.+?)\*\*/g, '$1') : part.plain;
    })
        .join('');
}
function renderPlain(blocks, options) {
    return blocks.map((block) => blockPlain(block, options)).join('\n\n') + '\n';
}
function blockPlain(block, options) {
    switch (block.kind) {
        case 'heading': {
            const lines = wrapText(inlineTerminal(block.line), options.width, '', '');
            if (block.level === 4)
                return lines.join('\n');
            const underline = (block.level === 2 ? '=' : '-').repeat(Math.min(longest(lines), options.width));
            return [...lines, underline].join('\n');
        }
        case 'paragraph':
            return wrapText(inlineTerminal(block.line), options.width, '', '').join('\n');
        case 'list':
            return block.items
                .flatMap((item) => wrapText(inlineTerminal(item), options.width, '- ', '  '))
                .join('\n');
        case 'table':
            return plainTable(block.header, block.rows, block.align ?? [], options.width);
        case 'details': {
            const summary = `${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(block.summary)}:`;
            if (options.details === 'summarize') {
                const hidden = options.hiddenNote ?? `${countOf(block.blocks)} more, hidden`;
                return wrapText(`${summary} (${hidden})`, options.width, '', '  ').join('\n');
            }
            const inner = renderPlain(block.blocks, { ...options, width: Math.max(20, options.width - 2) });
            return [
                ...wrapText(summary, options.width, '', '  '),
                ...inner
                    .trimEnd()
                    .split('\n')
                    .map((line) => (line ? `  ${line}` : line))
            ].join('\n');
        }
        case 'code-block':
            return block.code
                .split(/\r?\n/)
                .flatMap((line) => 
            // SQL reads a line break as a space: a long statement breaks between its tokens.
            block.language === 'sql' ? breakSql((0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(line), options.width - 4) : [(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(line)])
                .map((line) => `    ${line}`)
                .join('\n');
        case 'alert':
            return wrapText(`${ALERT_LABELS[block.type]}: ${inlineTerminal(block.line)}`, options.width, '', '  ').join('\n');
    }
}
/** How many entries a summarized section hides: table rows and list items, else its blocks. */
function countOf(blocks) {
    let rows = 0;
    for (const block of blocks) {
        if (block.kind === 'table')
            rows += block.rows.length;
        else if (block.kind === 'list')
            rows += block.items.length;
    }
    return rows > 0 ? `${rows} row(s)` : `${blocks.length} section(s)`;
}
/** Columns between cells. */
const GAP = '  ';
/** Narrower than this, a column would read as a list of fragments: rows are stacked instead. */
const MIN_COLUMN = 12;
function plainTable(header, rows, align, width) {
    const head = header.map((h) => (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(h));
    const body = rows.map((row) => header.map((_, column) => (row[column] ? inlineTerminal(row[column]) : '')));
    const natural = head.map((_, column) => longest([head[column] ?? '', ...body.map((row) => row[column] ?? '')]));
    const widths = fitColumns(natural, align, width - GAP.length * Math.max(0, head.length - 1));
    return widths ? alignedTable(head, body, align, widths) : stackedRows(head, body, width);
}
/**
 * Column widths that fit `room`: numbers (right-aligned) keep theirs, the other columns share what is
 * left, the narrow ones whole and the wide ones equally (their cells wrap). Undefined when a shared
 * column would be narrower than MIN_COLUMN.
 */
function fitColumns(natural, align, room) {
    if (natural.reduce((sum, w) => sum + w, 0) <= room)
        return [...natural];
    const flexible = natural.map((_, column) => align[column] !== 'r');
    let left = room - natural.reduce((sum, w, column) => (flexible[column] ? sum : sum + w), 0);
    const wide = natural.map((w, column) => [w, column]).filter(([, column]) => flexible[column]);
    wide.sort((a, b) => a[0] - b[0]);
    const widths = [...natural];
    // Water-filling: each column, narrowest first, takes its width or an equal share of what is left.
    wide.forEach(([w, column], index) => {
        const share = Math.floor(left / (wide.length - index));
        widths[column] = Math.min(w, share);
        left -= widths[column];
    });
    return wide.every(([w, column]) => widths[column] >= Math.min(w, MIN_COLUMN))
        ? widths
        : undefined;
}
function alignedTable(head, body, align, widths) {
    // Each row as lines: a cell wider than its column wraps within it.
    const wrapped = (row) => widths.map((width, column) => wrapCell(row[column] ?? '', width));
    const asLines = (cells) => {
        const height = Math.max(1, ...cells.map((cell) => cell.length));
        return Array.from({ length: height }, (_, line) => widths
            .map((width, column) => {
            const cell = cells[column]?.[line] ?? '';
            return align[column] === 'r' ? cell.padStart(width) : cell.padEnd(width);
        })
            .join(GAP)
            .trimEnd());
    };
    const rows = body.map(wrapped);
    // A key-value table (empty header) needs no header line.
    const heading = head.some(Boolean)
        ? [...asLines(wrapped(head)), widths.map((width) => '-'.repeat(width)).join(GAP)]
        : [];
    // A row starts where its first cell does; when a first cell takes two lines, a blank line between
    // rows tells its second line from the next row.
    const separator = rows.some((cells) => (cells[0]?.length ?? 0) > 1) ? '\n\n' : '\n';
    return [...heading, rows.map((cells) => asLines(cells).join('\n')).join(separator)].join('\n');
}
/**
 * A table too wide for its columns, one row after the other: the first cell, then each other
 * cell under it with its header, indented.
 */
function stackedRows(head, body, width) {
    return body
        .map((row) => {
        const [first = '', ...rest] = row;
        const lines = wrapText(first, width, '', '  ');
        rest.forEach((cell, index) => {
            if (!cell)
                return;
            const label = head[index + 1] ? `${head[index + 1]}: ` : '';
            lines.push(...wrapText(`${label}${cell}`, width, '  ', '    '));
        });
        return lines.join('\n');
    })
        .join('\n\n');
}
/** A cell's text in lines of at most `width`; a longer word is cut (a table must keep its columns). */
function wrapCell(text, width) {
    const words = text
        .split(' ')
        .filter(Boolean)
        .flatMap((word) => word.length <= width ? [word] : (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []));
    return wrapText(words.join(' '), width, '', '');
}
/**
 * A line of SQL in lines of at most `width`, broken at a space or after a comma outside quotes and
 * backquotes (where a line break means what a space does); continued lines are indented by two.
 */
function breakSql(line, width) {
    const lines = [];
    let rest = line;
    let indent = '';
    while (indent.length + rest.length > width) {
        const points = breakPoints(rest);
        const room = width - indent.length;
        const fitting = points.filter((point) => point <= room);
        const at = fitting.length ? fitting[fitting.length - 1] : points[0];
        if (at === undefined || at === 0)
            break;
        lines.push(indent + rest.slice(0, at).trimEnd());
        rest = rest.slice(at).trimStart();
        indent = '  ';
    }
    lines.push(indent + rest);
    return lines;
}
/** Offsets where a line of SQL may break: after a space or a comma, outside quoted text. */
function breakPoints(sql) {
    const points = [];
    let quote;
    for (let i = 0; i < sql.length; i++) {
        const c = sql[i];
        if (quote) {
            if (c === quote)
                quote = undefined;
        }
        else if (c === "'" || c === '"' || c === '`') {
            quote = c;
        }
        else if (c === ' ' || c === ',') {
            points.push(i + 1);
        }
    }
    return points;
}
function longest(lines) {
    return lines.reduce((max, line) => Math.max(max, line.length), 0);
}
/** Greedy word wrap; a word longer than the width gets a line of its own. */
function wrapText(text, width, first, rest) {
    const lines = [];
    let line = first;
    let empty = true;
    for (const word of text.split(' ').filter(Boolean)) {
        if (!empty && line.length + 1 + word.length > width) {
            lines.push(line);
            line = rest + word;
        }
        else {
            line = empty ? line + word : `${line} ${word}`;
        }
        empty = false;
    }
    lines.push(line);
    return lines;
}


/***/ })

};
