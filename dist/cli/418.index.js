export const id = 418;
export const ids = [418];
export const modules = {

/***/ 6418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkQueriesCli: () => (/* binding */ checkQueriesCli)
});

// EXTERNAL MODULE: ./src/aws/clients.ts + 2 modules
var clients = __webpack_require__(2761);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-athena/dist-cjs/index.js
var dist_cjs = __webpack_require__(2204);
// EXTERNAL MODULE: ./src/vocabulary/constants.ts
var constants = __webpack_require__(209);
// EXTERNAL MODULE: ./src/vocabulary/errors.ts
var errors = __webpack_require__(8941);
;// CONCATENATED MODULE: ./src/queries/explain.ts
/**
 * Asks Athena itself whether a query is valid: runs `EXPLAIN <query>` (which plans the query, reading
 * the catalog, but scans no data) and reports why it failed. Athena refuses a syntax error at once
 * (StartQueryExecution answers InvalidRequestException, MALFORMED_QUERY); errors the planner finds,
 * such as TABLE_NOT_FOUND, come as a FAILED query.
 */





const PREFIX = 'EXPLAIN ';
/**
 * Positions in Athena's messages count in `EXPLAIN <sql>`; on the first line they are moved back by the
 * prefix, so that `line L:C` points into the file.
 */
function inFile(message) {
    return message.replace(/\bline 1:(\d+)/g, (_all, column) => {
        const shifted = Number(column) - PREFIX.length;
        return `line 1:${shifted >= 1 ? shifted : column}`;
    });
}
/** A query file may end with `;`; Athena takes one statement without it. */
function statement(sql) {
    return sql.replace(/[\s;]+$/, '');
}
/**
 * Athena's refusals about where results go, as the user's to fix: which of the two places to set,
 * or which bucket the role cannot use. Undefined for any other error.
 */
function outputLocationProblem(name, message, target) {
    if (name !== 'InvalidRequestException')
        return undefined;
    if (/WorkGroup is not found/i.test(message)) {
        return new errors/* ConfigurationError */.j1(`Input '${constants/* Inputs */.G0.Workgroup}': Athena has no workgroup '${target.workgroup}' in this account and region; ` +
            `create the check's own (aws athena create-work-group --name ${target.workgroup} --configuration ` +
            `file://iam/check-queries/workgroup.json) or name an existing one (Athena: "${message}").`);
    }
    if (/no output location/i.test(message)) {
        return new errors/* ConfigurationError */.j1(`Athena has nowhere to write EXPLAIN's results: workgroup '${target.workgroup}' has no query result ` +
            `location and input '${constants/* Inputs */.G0.AthenaOutputLocation}' is empty. Set '${constants/* Inputs */.G0.AthenaOutputLocation}' ` +
            `(s3://bucket/prefix/), or give the workgroup a query result location (Athena: "${message}").`);
    }
    const bucket = /Unable to verify\/create output bucket (\S+)/i.exec(message)?.[1];
    if (bucket) {
        const from = target.outputLocation
            ? `input '${constants/* Inputs */.G0.AthenaOutputLocation}' (${target.outputLocation})`
            : `the query result location of workgroup '${target.workgroup}'`;
        return new errors/* ConfigurationError */.j1(`Athena cannot write EXPLAIN's results to bucket ${bucket}, from ${from}: the bucket does not exist, or the ` +
            `role lacks s3:GetBucketLocation, s3:ListBucket, s3:PutObject and s3:GetObject on it (Athena: "${message}").`);
    }
    return undefined;
}
/**
 * Athena's "Access denied when writing output to url" is the role's, not the query's: it names no
 * IAM action, so say which one (s3:PutObject on the result location) and stop, as every query would
 * fail the same way.
 */
function throwIfResultWriteDenied(reason, target) {
    if (!/Access denied when writing output to url/i.test(reason))
        return;
    const from = target.outputLocation
        ? `input '${constants/* Inputs */.G0.AthenaOutputLocation}' (${target.outputLocation})`
        : `the query result location of workgroup '${target.workgroup}'`;
    throw new errors/* ConfigurationError */.j1(`Athena could not write EXPLAIN's results to ${from}: give the role s3:PutObject on it ` +
        `(statement "QueryResultObjects" of iam/check-queries/permissions.json), and with a KMS-encrypted ` +
        `location the key's rights too (Athena: "${reason}").`);
}
/**
 * The data catalog of `athena-catalog` missing or refused is the setup's, not the query's: every
 * query would fail the same way, so say which input or statement to fix and stop.
 */
function throwIfCatalogUnusable(reason, target) {
    if (!target.catalog)
        return;
    const missing = /CATALOG_NOT_FOUND: .*Catalog '([^']*)' does not exist/.exec(reason)?.[1];
    if (missing?.toLowerCase() === target.catalog.toLowerCase()) {
        throw new errors/* ConfigurationError */.j1(`Input '${constants/* Inputs */.G0.AthenaCatalog}': Athena has no data catalog '${target.catalog}' in this account and region; ` +
            `register the Glue catalog of '${constants/* Inputs */.G0.CatalogId}' under that name (aws athena create-data-catalog ` +
            `--type GLUE --parameters catalog-id=<account>) (Athena: "${reason}").`);
    }
    if (/athena:GetDataCatalog/.test(reason)) {
        throw new errors/* ConfigurationError */.j1(`Athena refused the role the data catalog '${target.catalog}' of input '${constants/* Inputs */.G0.AthenaCatalog}': give it ` +
            `athena:GetDataCatalog on it (iam/check-queries/data-catalog-statement.json) (Athena: "${reason}").`);
    }
}
/** Why Athena cannot run `sql` (its own message, or that it did not answer in time), or undefined. */
async function explainQuery(athena, target, options = {}) {
    const outcome = await explainStatement(athena, target, options);
    return outcome.kind === 'passed' ? undefined : outcome.message;
}
/** Runs `EXPLAIN <sql>` and waits for its answer, at most until the timeout or the deadline. */
async function explainStatement(athena, target, options = {}) {
    let pollIntervalMs = options.pollIntervalMs ?? 200;
    const maxPollIntervalMs = Math.max(pollIntervalMs, options.maxPollIntervalMs ?? 1000);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const started = performance.now();
    const byDeadline = options.deadline !== undefined && options.deadline < started + timeoutMs;
    const deadline = byDeadline ? options.deadline : started + timeoutMs;
    let id;
    try {
        const started = await athena.send(new dist_cjs/* StartQueryExecutionCommand */.Wjk({
            QueryString: `${PREFIX}${statement(target.sql)}`,
            QueryExecutionContext: {
                Database: target.database,
                ...(target.catalog ? { Catalog: target.catalog } : {})
            },
            WorkGroup: target.workgroup,
            ...(target.outputLocation ? { ResultConfiguration: { OutputLocation: target.outputLocation } } : {}),
            ClientRequestToken: (0,external_node_crypto_.randomUUID)()
        }));
        id = started.QueryExecutionId;
    }
    catch (error) {
        const { name, AthenaErrorCode, message } = error;
        if (name === 'InvalidRequestException' && AthenaErrorCode === 'MALFORMED_QUERY') {
            return { kind: 'failed', message: `SYNTAX_ERROR: ${inFile(message ?? '')}` };
        }
        throw outputLocationProblem(name, message ?? '', target) ?? error;
    }
    if (!id)
        throw new Error('StartQueryExecution answered no QueryExecutionId');
    for (;;) {
        const { QueryExecution: execution } = await athena.send(new dist_cjs/* GetQueryExecutionCommand */.mRu({ QueryExecutionId: id }));
        const status = execution?.Status;
        switch (status?.State) {
            case 'SUCCEEDED':
                return { kind: 'passed' };
            case 'FAILED': {
                const reason = status.StateChangeReason ?? status.AthenaError?.ErrorMessage ?? 'the query failed';
                throwIfResultWriteDenied(reason, target);
                throwIfCatalogUnusable(reason, target);
                return { kind: 'failed', message: inFile(reason) };
            }
            case 'CANCELLED':
                return { kind: 'failed', message: `EXPLAIN was cancelled (query execution ${id})` };
        }
        const left = deadline - performance.now();
        if (left <= 0)
            break;
        // The last wait ends at the deadline, so that no EXPLAIN outlives what is left of the budget.
        await (0,promises_.setTimeout)(Math.min(pollIntervalMs, left));
        pollIntervalMs = Math.min(maxPollIntervalMs, Math.round(pollIntervalMs * 1.25));
    }
    // Best effort: an EXPLAIN left running costs nothing, but should not linger; a refusal is reported.
    const stopFailure = await athena.send(new dist_cjs/* StopQueryExecutionCommand */.aaO({ QueryExecutionId: id })).then(() => undefined, (error) => {
        const { name, message } = error;
        return `stopping query execution ${id} failed (${name ?? 'Error'}: ${message ?? String(error)})`;
    });
    const waited = byDeadline ? deadline - started : timeoutMs;
    const limit = waited >= 1000 ? `${Math.round(waited / 1000)} s` : `${Math.round(waited)} ms`;
    const why = byDeadline ? ", when the check's EXPLAIN time budget ran out" : '';
    return {
        kind: 'unfinished',
        byDeadline,
        ...(stopFailure ? { stopFailure } : {}),
        message: `EXPLAIN did not finish within ${limit}${why} (query execution ${id}, workgroup ${target.workgroup})` +
            (stopFailure ? `; ${stopFailure}` : '')
    };
}

// EXTERNAL MODULE: ./src/queries/files.ts
var queries_files = __webpack_require__(5499);
;// CONCATENATED MODULE: ./src/queries/findings.ts
/**
 * What the query check reports: one finding per problem, at a file, line and column, under a rule
 * whose severity the user chooses with the `rule-severity` input.
 */

/** In order of importance: annotations go to the first rules when GitHub's cap is reached. */
const RULE_IDS = [
    'syntax',
    'not-a-regular-file',
    'limit',
    'athena-explain',
    'partition-limit',
    'partition-filter',
    'partition-count',
    'partition-literal',
    'unknown-column'
];
const DEFAULT_SEVERITIES = {
    syntax: 'error',
    'not-a-regular-file': 'error',
    // A file the check could not read through is not a file that passed.
    limit: 'error',
    'athena-explain': 'error',
    // Athena refuses a scan of more than a million partitions at run time.
    'partition-limit': 'error',
    'partition-filter': 'error',
    // Above max-query-partitions: slow to plan, often more than was meant; worth a look, not a failure.
    'partition-count': 'warning',
    'partition-literal': 'error',
    'unknown-column': 'error'
};
/**
 * Reads `unknown-column=warning, partition-literal=off` (commas or new lines between entries) on
 * top of the defaults. A typo must not silently switch a rule off, so anything unknown is refused.
 */
function parseRuleSeverities(text) {
    const severities = { ...DEFAULT_SEVERITIES };
    for (const entry of text.split(/[,\n]/).map((part) => part.trim())) {
        if (entry === '')
            continue;
        const match = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(entry);
        const rule = match?.[1];
        const severity = match?.[2];
        if (!rule || !RULE_IDS.includes(rule)) {
            throw new errors/* ConfigurationError */.j1(`Input 'rule-severity': "${entry}" does not name a rule; write RULE=SEVERITY with a rule among ${RULE_IDS.join(', ')}`);
        }
        if (severity !== 'error' && severity !== 'warning' && severity !== 'off') {
            throw new errors/* ConfigurationError */.j1(`Input 'rule-severity': "${entry}" has severity "${severity ?? ''}"; use error, warning or off`);
        }
        severities[rule] = severity;
    }
    return severities;
}
/** Sorts most important first: errors, then rule order, then file, line and column. */
function compareFindings(a, b) {
    return (Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
        RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column);
}

// EXTERNAL MODULE: ./src/table/documented-tables.ts + 6 modules
var documented_tables = __webpack_require__(4662);
// EXTERNAL MODULE: ./src/table/validate.ts
var validate = __webpack_require__(8668);
// EXTERNAL MODULE: ./src/vocabulary/keys.ts
var vocabulary_keys = __webpack_require__(8206);
// EXTERNAL MODULE: ./src/vocabulary/table-ref.ts
var table_ref = __webpack_require__(504);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-glue/dist-cjs/index.js
var client_glue_dist_cjs = __webpack_require__(6542);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/vocabulary/logger.ts
const silentLogger = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    group: (_name, fn) => fn()
};

// EXTERNAL MODULE: ./node_modules/dt-sql-parser/dist/lib/trino/TrinoSqlParser.js + 1 modules
var TrinoSqlParser = __webpack_require__(3700);
;// CONCATENATED MODULE: ./src/queries/tree.ts

/** Visits `node` and its descendants depth first; `visit` returns false to skip a node's children. */
function walk(node, visit) {
    // A stack of its own, not the call stack: a chain of 10,000 ORs is a tree 10,000 deep.
    const pending = [node];
    for (let current = pending.pop(); current; current = pending.pop()) {
        if (visit(current) === false)
            continue;
        for (let i = current.getChildCount() - 1; i >= 0; i--) {
            const child = current.getChild(i);
            if (child)
                pending.push(child);
        }
    }
}
/** The nearest ancestor of `node` (not `node` itself) that satisfies `test`. */
function ancestor(node, test) {
    for (let current = node.parent; current; current = current.parent) {
        if (test(current))
            return current;
    }
    return undefined;
}
/**
 * An identifier as Athena resolves it: unquoted, `"quoted"` or `` `backquoted` ``, always lower
 * case (the Glue catalog stores lower-case names).
 */
function identifierName(identifier) {
    const text = identifier.getText();
    const quote = text[0];
    if ((quote === '"' || quote === '`') && text.endsWith(quote) && text.length >= 2) {
        return text
            .slice(1, -1)
            .replaceAll(quote + quote, quote)
            .toLowerCase();
    }
    return text.toLowerCase();
}
/** 1-based line and column of the node's first token. */
function positionOf(node) {
    return { line: node.start?.line ?? 1, column: (node.start?.column ?? 0) + 1 };
}
/**
 * The node's text as written, comments and spacing included. Read from the parser's input, whose
 * offsets count code points (not UTF-16 units, as string indexes do).
 */
function sourceText(node) {
    const from = node.start?.start ?? 0;
    const to = node.stop?.stop ?? from;
    return node.start?.inputStream?.getText(from, to) ?? node.getText();
}
/** The value of `'text'` or `42`; undefined for anything else. */
function literalOf(expression) {
    if (!(expression instanceof TrinoSqlParser/* ValueExpressionDefaultContext */._GQ))
        return undefined;
    const primary = expression.primaryExpression();
    if (primary instanceof TrinoSqlParser/* StringLiteralContext */._HG)
        return { kind: 'string', value: stringValue(primary.getText()) };
    if (primary instanceof TrinoSqlParser/* NumericLiteralContext */.mvI)
        return { kind: 'number', value: primary.getText() };
    return undefined;
}
/** The content of a SQL string literal: `'it''s'` is `it's`. */
function stringValue(literal) {
    return literal.slice(1, -1).replaceAll("''", "'");
}

;// CONCATENATED MODULE: ./src/queries/blocks.ts


function collectBlocks(statement, table) {
    const blocks = new Map();
    // Most statements have no lambda: then no reference needs to look up through its ancestors.
    let hasLambda = false;
    walk(statement, (node) => {
        if (node instanceof TrinoSqlParser/* LambdaContext */.d6r)
            hasLambda = true;
        return !hasLambda;
    });
    walk(statement, (node) => {
        if (!isBlockNode(node))
            return;
        const parentNode = ancestor(node, isBlockNode);
        const parent = parentNode && blocks.get(parentNode);
        if (node instanceof TrinoSqlParser/* TableContext */.GtK) {
            const source = tableSource(node.tableRef(), undefined, [], node.tableRef(), table);
            blocks.set(node, {
                node,
                parent,
                sources: [source],
                conjuncts: [],
                columnRefs: [],
                selectAliases: new Set()
            });
            return;
        }
        blocks.set(node, {
            node,
            parent,
            sources: node.relation().flatMap((relation) => sourcesOf(relation, table)),
            conjuncts: topLevelConjuncts(node.whereClause()?.booleanExpression()),
            ...referencesOf(node, hasLambda)
        });
    });
    return [...blocks.values()];
}
function isBlockNode(node) {
    return node instanceof TrinoSqlParser/* QuerySpecificationContext */.fun || node instanceof TrinoSqlParser/* TableContext */.GtK;
}
/**
 * Whether `name`, read where `node` is, is a CTE. A WITH names its CTEs for its own query: its
 * main query sees them all, the definition of one sees only those before it (and itself, under
 * WITH RECURSIVE). An inner query's WITH is not seen outside that query.
 */
function isCteName(node, name) {
    let child = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
        if (!(current instanceof TrinoSqlParser/* QueryStatementContext */.J9u))
            continue;
        const withClause = current.with();
        if (!withClause)
            continue;
        const named = withClause.namedQuery();
        let visible = named;
        if (child === withClause) {
            const inner = Math.max(0, named.findIndex((query) => isWithin(node, query)));
            visible = named.slice(0, withClause.KW_RECURSIVE() ? inner + 1 : inner);
        }
        if (visible.some((query) => identifierName(query.identifier()) === name))
            return true;
    }
    return false;
}
function isWithin(node, container) {
    for (let current = node; current; current = current.parent) {
        if (current === container)
            return true;
    }
    return false;
}
/** `a OR b OR c` as `[a, b, c]`: a chain of 1,500 ORs is a tree 1,500 deep, not walked by recursion. */
function orBranches(term) {
    const branches = [];
    const pending = [term];
    for (let current = pending.pop(); current; current = pending.pop()) {
        if (current instanceof TrinoSqlParser/* OrContext */.LOB)
            pending.push(...[...current.booleanExpression()].reverse());
        else
            branches.push(current);
    }
    return branches;
}
/** Splits `a AND (b AND c)` into `[a, b, c]`; anything else is a single term. */
function topLevelConjuncts(expression) {
    // A stack of its own: a chain of 10,000 ANDs is a tree 10,000 deep.
    const terms = [];
    const pending = expression ? [expression] : [];
    for (let current = pending.pop(); current; current = pending.pop()) {
        const inner = current instanceof TrinoSqlParser/* AndContext */.vD1 ? current.booleanExpression() : parenthesized(current);
        if (Array.isArray(inner))
            pending.push(...[...inner].reverse());
        else if (inner)
            pending.push(inner);
        else
            terms.push(current);
    }
    return terms;
}
/** The boolean expression inside `( ... )`, when `expression` is just that. */
function parenthesized(expression) {
    if (!(expression instanceof TrinoSqlParser/* PredicatedContext */.B4M) || expression.predicate())
        return undefined;
    const primary = expression.valueExpression().getChild(0);
    if (!(primary instanceof TrinoSqlParser/* ParenthesizedExpressionContext */.mDG))
        return undefined;
    return primary.expression().booleanExpression();
}
function sourcesOf(relation, table) {
    if (relation instanceof TrinoSqlParser/* JoinRelationContext */.sNb) {
        const parts = [...relation.relation()];
        const right = relation.sampledRelation();
        if (right)
            parts.push(right);
        return parts.flatMap((part) => sourcesOf(part, table));
    }
    if (relation instanceof TrinoSqlParser/* RelationDefaultContext */.Rcy)
        return sourcesOf(relation.sampledRelation(), table);
    if (relation instanceof TrinoSqlParser/* SampledRelationContext */.igh) {
        return sourceOfAliased(relation.patternRecognition().aliasedRelation(), table);
    }
    return [];
}
function sourceOfAliased(aliased, table) {
    const alias = aliased.identifier();
    const qualifier = alias ? identifierName(alias) : undefined;
    const columns = aliased.columnAliases()?.identifier().map(identifierName) ?? [];
    const primary = aliased.relationPrimary();
    if (primary instanceof TrinoSqlParser/* ParenthesizedRelationContext */.A$S) {
        return sourcesOf(primary.relation(), table);
    }
    if (primary instanceof TrinoSqlParser/* TableNameContext */.vCK) {
        return [tableSource(primary.tableOrViewName().tableRef(), qualifier, columns, primary, table)];
    }
    const sourceTable = primary instanceof TrinoSqlParser/* ExpressionSourceTableContext */.XbG ? primary.relationSourceTable() : undefined;
    const kind = sourceTable instanceof TrinoSqlParser/* UnnestContext */.pzM
        ? 'unnest'
        : sourceTable instanceof TrinoSqlParser/* SubqueryRelationContext */.Qse || sourceTable instanceof TrinoSqlParser/* LateralContext */.hXp
            ? 'subquery'
            : 'other';
    return [{ kind, qualifier, columns, isCloudTrail: false, node: primary }];
}
function tableSource(ref, alias, columns, node, table) {
    const parts = ref ? ref.identifier().map(identifierName) : [];
    const name = parts[parts.length - 1];
    const isCloudTrail = name === table.table.toLowerCase() &&
        (parts.length === 1
            ? !isCteName(node, name)
            : table.database === undefined || parts[parts.length - 2] === table.database.toLowerCase());
    return { kind: 'table', qualifier: alias ?? name, columns, isCloudTrail, node };
}
/**
 * Column references and local names of one block. Nested blocks (subqueries) keep their own; the
 * ORDER BY of a query sits outside its blocks and is not checked.
 */
function referencesOf(block, hasLambda) {
    const columnRefs = [];
    const selectAliases = new Set();
    for (const item of block.selectList().selectItem()) {
        const alias = item.identifier();
        if (alias)
            selectAliases.add(identifierName(alias));
        for (const name of item.columnAliases()?.identifier() ?? [])
            selectAliases.add(identifierName(name));
    }
    walk(block, (node) => {
        if (node !== block && node instanceof TrinoSqlParser/* QuerySpecificationContext */.fun)
            return false;
        // `ct.*` and `cloudtrail.*` name a source, not a column.
        if (node instanceof TrinoSqlParser/* TableAllColumnsContext */.q8v)
            return false;
        if (node instanceof TrinoSqlParser/* QualifiedNameContext */.Rkj &&
            (node.parent instanceof TrinoSqlParser/* ColumnNameContext */.PIW || node.parent instanceof TrinoSqlParser/* ColumnRefContext */.rq4)) {
            columnRefs.push(columnRefOf(node, hasLambda));
            return false;
        }
        return true;
    });
    return { columnRefs, selectAliases };
}
/** Parameters of the lambdas whose body holds `node`, in this block or an enclosing one. */
function lambdaParametersAround(node) {
    const parameters = new Set();
    for (let current = node.parent; current; current = current.parent) {
        if (current instanceof TrinoSqlParser/* LambdaContext */.d6r) {
            for (const parameter of current.identifier())
                parameters.add(identifierName(parameter));
        }
    }
    return parameters;
}
/** Extends `resources` in `resources[1].arn` or `x` in `(x).y` by the fields read after it. */
function columnRefOf(name, hasLambda) {
    const identifiers = [...name.identifier()];
    // From the column name up to the expression it stands in (ColumnReference, JoinColumnReference).
    let node = name.parent;
    if (node instanceof TrinoSqlParser/* ColumnNameContext */.PIW && node.parent)
        node = node.parent;
    for (;;) {
        const parent = node.parent;
        if (parent instanceof TrinoSqlParser/* SubscriptContext */.Pjc && parent.primaryExpression() === node)
            node = parent;
        else if (parent instanceof TrinoSqlParser/* DereferenceContext */.g2W && parent.primaryExpression() === node) {
            identifiers.push(parent.identifier());
            node = parent;
        }
        else
            break;
    }
    return {
        path: identifiers.map(identifierName),
        identifiers,
        node,
        lambdaParameters: hasLambda ? lambdaParametersAround(name) : new Set()
    };
}

;// CONCATENATED MODULE: ./src/queries/resolve.ts
function resolveColumn(block, ref) {
    const [first, ...rest] = ref.path;
    if (first === undefined)
        return undefined;
    // A qualifier names a source of this block or, in a correlated subquery, of an enclosing one.
    if (rest.length > 0) {
        for (let scope = block; scope; scope = scope.parent) {
            const source = scope.sources.find((candidate) => candidate.qualifier === first);
            if (source)
                return source.isCloudTrail ? { source, path: rest, certain: true } : undefined;
        }
    }
    if (ref.lambdaParameters.has(first))
        return undefined;
    for (let scope = block; scope; scope = scope.parent) {
        if (scope.sources.some((source) => source.columns.includes(first)))
            return undefined;
    }
    const cloudTrail = block.sources.filter((source) => source.isCloudTrail);
    const [source] = cloudTrail;
    if (cloudTrail.length !== 1 || !source)
        return undefined;
    // UNNEST with named columns adds only those names; any other source may have a column so named.
    const certain = block.sources.every((other) => other === source || (other.kind === 'unnest' && other.columns.length > 0));
    return { source, path: ref.path, certain };
}

;// CONCATENATED MODULE: ./src/queries/predicates.ts



const FLIPPED = {
    '=': '=',
    '<>': '<>',
    '!=': '!=',
    '<': '>',
    '<=': '>=',
    '>': '<',
    '>=': '<='
};
/**
 * Reads `expression` as a predicate on one column of the CloudTrail table, picking the column side
 * with `isColumn` (a bare column by default; the eventtime rule also accepts functions of it).
 */
function columnPredicate(block, expression, columnOf = bareColumn) {
    if (!(expression instanceof TrinoSqlParser/* PredicatedContext */.B4M))
        return undefined;
    const left = expression.valueExpression();
    const predicate = expression.predicate();
    if (predicate instanceof TrinoSqlParser/* ComparisonContext */.tZx) {
        const right = predicate.valueExpression();
        const operator = predicate.comparisonOperator().getText();
        const leftColumn = columnOf(block, left);
        if (leftColumn && isConstant(right)) {
            return {
                node: expression,
                columnNode: left,
                column: leftColumn,
                kind: 'comparison',
                operator,
                values: [right],
                negated: false
            };
        }
        const rightColumn = columnOf(block, right);
        if (rightColumn && isConstant(left)) {
            return {
                node: expression,
                columnNode: right,
                column: rightColumn,
                kind: 'comparison',
                operator: FLIPPED[operator],
                values: [left],
                negated: false
            };
        }
        return undefined;
    }
    const column = columnOf(block, left);
    if (!column)
        return undefined;
    if (predicate instanceof TrinoSqlParser/* BetweenContext */.o2C) {
        const values = predicate.valueExpression();
        if (!values.every(isConstant))
            return undefined;
        return {
            node: expression,
            columnNode: left,
            column,
            kind: 'between',
            values,
            negated: predicate.KW_NOT() !== null
        };
    }
    if (predicate instanceof TrinoSqlParser/* InListContext */.XvO) {
        const values = predicate.expression().map(predicates_valueOf);
        if (!values.every((value) => value !== undefined && isConstant(value))) {
            return undefined;
        }
        return {
            node: expression,
            columnNode: left,
            column,
            kind: 'in',
            values,
            negated: predicate.KW_NOT() !== null
        };
    }
    return undefined;
}
/** The CloudTrail column that `side` is, when it is nothing but a column. */
function bareColumn(block, side) {
    if (!(side instanceof TrinoSqlParser/* ValueExpressionDefaultContext */._GQ))
        return undefined;
    const primary = side.primaryExpression();
    if (!(primary instanceof TrinoSqlParser/* ColumnReferenceContext */.Fjc))
        return undefined;
    const ref = refsByNode(block).get(primary);
    const resolved = ref && resolveColumn(block, ref);
    return resolved && resolved.path.length === 1 ? resolved : undefined;
}
const refsOfBlocks = new WeakMap();
/** The block's column references by node, built once: a WHERE of 5,000 terms looks them up 5,000 times. */
function refsByNode(block) {
    let refs = refsOfBlocks.get(block);
    if (!refs) {
        refs = new Map();
        for (const ref of block.columnRefs)
            if (!refs.has(ref.node))
                refs.set(ref.node, ref);
        refsOfBlocks.set(block, refs);
    }
    return refs;
}
/** A value known before the query reads any row: no column, no subquery. */
function isConstant(node) {
    let constant = true;
    walk(node, (child) => {
        if (child instanceof TrinoSqlParser/* QuerySpecificationContext */.fun ||
            (child instanceof TrinoSqlParser/* QualifiedNameContext */.Rkj &&
                (child.parent instanceof TrinoSqlParser/* ColumnNameContext */.PIW || child.parent instanceof TrinoSqlParser/* ColumnRefContext */.rq4))) {
            constant = false;
        }
        return constant;
    });
    return constant;
}
/** The value expression an IN-list item is, when it is a plain value. */
function predicates_valueOf(expression) {
    const inner = expression.booleanExpression();
    return inner instanceof TrinoSqlParser/* PredicatedContext */.B4M && !inner.predicate() ? inner.valueExpression() : undefined;
}

;// CONCATENATED MODULE: ./src/queries/partition-scan.ts





/** The partition predicate of each scan of the table in the statement's blocks. */
function scansOf(blocks, keys) {
    const scans = [];
    for (const block of blocks) {
        for (const source of block.sources.filter((candidate) => candidate.isCloudTrail)) {
            const state = { exact: true };
            const terms = termsOf(block.conjuncts, block, source, keys, state);
            scans.push({ ...positionOf(source.node), terms, exact: state.exact });
        }
    }
    return scans;
}
function termsOf(conjuncts, block, source, keys, state) {
    const terms = [];
    for (const conjunct of conjuncts) {
        const term = termOf(conjunct, block, source, keys, state);
        if (term)
            terms.push(term);
    }
    return terms;
}
/** One AND term as a partition condition; undefined when it says nothing about partitions. */
function termOf(conjunct, block, source, keys, state) {
    if (conjunct instanceof TrinoSqlParser/* OrContext */.LOB) {
        const branches = [];
        for (const branch of orBranches(conjunct)) {
            const terms = termsOf(topLevelConjuncts(branch), block, source, keys, state);
            // A branch with no partition condition admits every partition: so does the OR.
            if (terms.length === 0)
                return undefined;
            branches.push(terms);
        }
        return { kind: 'or', branches };
    }
    const predicate = columnPredicate(block, conjunct);
    const column = predicate?.column.path[0];
    const key = keys.find((candidate) => candidate.name === column);
    if (!predicate || predicate.column.source !== source || !key) {
        // A partition key under anything else (a function, NOT, a cast) still narrows what Athena reads.
        if (mentionsKey(conjunct, block, source, keys))
            state.exact = false;
        return undefined;
    }
    const values = predicate.values.map((value) => literalValue(value, key));
    if (values.some((value) => value === undefined)) {
        state.exact = false;
        return undefined;
    }
    const [first = '', second = ''] = values;
    switch (predicate.kind) {
        case 'comparison': {
            const operator = predicate.operator === '!=' ? '<>' : (predicate.operator ?? '=');
            return { kind: 'compare', key: key.name, operator, value: first };
        }
        case 'between':
            return { kind: 'between', key: key.name, low: first, high: second, negated: predicate.negated };
        case 'in':
            return { kind: 'in', key: key.name, values: values, negated: predicate.negated };
    }
}
/** A literal of the key's type: a string for a string key, an integer for an integer key. */
function literalValue(value, key) {
    const literal = literalOf(value);
    if (!literal)
        return undefined;
    if (key.kind === 'string')
        return literal.kind === 'string' ? literal.value : undefined;
    return literal.kind === 'number' && /^[+-]?\d+$/.test(literal.value) ? literal.value : undefined;
}
function mentionsKey(node, block, source, keys) {
    const names = new Set(keys.map((key) => key.name));
    return block.columnRefs.some((ref) => {
        if (!isInside(ref.node, node))
            return false;
        const resolved = resolveColumn(block, ref);
        return resolved?.source === source && names.has(resolved.path[0] ?? '');
    });
}
function isInside(node, container) {
    for (let current = node; current; current = current.parent) {
        if (current === container)
            return true;
    }
    return false;
}
/** Glue's `Expression` for the terms (its grammar: = <> < > <= >= AND OR NOT IN BETWEEN). */
function glueExpression(terms, keys) {
    const kindOf = new Map(keys.map((key) => [key.name, key.kind]));
    const value = (key, text) => kindOf.get(key) === 'integer' ? String(Number(text)) : `'${text.replaceAll("'", "''")}'`;
    // Glue's own examples write keys bare (`year='2020'`); a name of another shape is quoted.
    const name = (key) => (/^[a-z_][a-z0-9_]*$/.test(key) ? key : `\`${key}\``);
    const one = (term) => {
        switch (term.kind) {
            case 'compare':
                return `${name(term.key)} ${term.operator} ${value(term.key, term.value)}`;
            case 'between': {
                const between = `${name(term.key)} BETWEEN ${value(term.key, term.low)} AND ${value(term.key, term.high)}`;
                return term.negated ? `NOT (${between})` : between;
            }
            case 'in': {
                const list = `${name(term.key)} IN (${term.values.map((v) => value(term.key, v)).join(', ')})`;
                return term.negated ? `NOT (${list})` : list;
            }
            case 'or':
                return `(${term.branches.map((branch) => `(${all(branch)})`).join(' OR ')})`;
        }
    };
    const all = (list) => list.map(one).join(' AND ');
    return all(terms);
}
const inSets = new WeakMap();
/** The values of an IN as a set, made once: a list of thousands is tested against every partition. */
function setOf(term, integer) {
    let set = inSets.get(term);
    if (!set) {
        set = new Set(term.values.map((value) => (integer ? String(Number(value)) : value)));
        inSets.set(term, set);
    }
    return set;
}
/** How many values a scan's terms hold: a bound on the work of testing one partition. */
function sizeOf(terms) {
    let size = 0;
    for (const term of terms) {
        if (term.kind === 'or')
            size += term.branches.reduce((sum, branch) => sum + sizeOf(branch), 0);
        else
            size += term.kind === 'in' ? Math.min(term.values.length, 1) : 1;
    }
    return size;
}
/** Whether a partition's values satisfy the terms, as Glue compares them (text, or numbers for integer keys). */
function matches(terms, keys, values) {
    const index = new Map(keys.map((key, i) => [key.name, i]));
    const kindOf = new Map(keys.map((key) => [key.name, key.kind]));
    const compare = (key, a, b) => {
        if (kindOf.get(key) !== 'integer')
            return a < b ? -1 : a > b ? 1 : 0;
        if (!/^[+-]?\d+$/.test(a))
            return undefined;
        return Math.sign(Number(a) - Number(b));
    };
    const test = (term) => {
        if (term.kind === 'or')
            return term.branches.some((branch) => branch.every(test));
        const actual = values[index.get(term.key) ?? -1];
        if (actual === undefined)
            return false;
        switch (term.kind) {
            case 'compare': {
                const c = compare(term.key, actual, term.value);
                if (c === undefined)
                    return false;
                const operators = {
                    '=': c === 0,
                    '<>': c !== 0,
                    '<': c < 0,
                    '<=': c <= 0,
                    '>': c > 0,
                    '>=': c >= 0
                };
                return operators[term.operator];
            }
            case 'between': {
                const low = compare(term.key, actual, term.low);
                const high = compare(term.key, actual, term.high);
                if (low === undefined || high === undefined)
                    return false;
                return (low >= 0 && high <= 0) !== term.negated;
            }
            case 'in': {
                const integer = kindOf.get(term.key) === 'integer';
                if (integer && !/^[+-]?\d+$/.test(actual))
                    return false;
                return setOf(term, integer).has(integer ? String(Number(actual)) : actual) !== term.negated;
            }
        }
    };
    return terms.every(test);
}

;// CONCATENATED MODULE: ./src/queries/partition-count.ts
/**
 * Counts the partitions of the table that a scan's predicate selects, cheaply. A table of at most
 * `localMax` partitions is read once (values only) and every predicate is counted in memory: no
 * call per query. A larger table is counted per predicate through Glue: its `Expression` (which a
 * partition index serves), parallel segments, pages of 1000 without the column schema, stopping as
 * soon as the count passes `limit`; each expression is counted once per run.
 */





/** "Athena cannot read more than 1 million partitions in a single scan" (limits.md). */
const ATHENA_MAX_PARTITIONS_PER_SCAN = 1_000_000;
/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000 (limits.md). */
const SEGMENTS = 10;
const PAGE_SIZE = 1000;
/** Glue's Expression is at most 2048 characters (limits.md). */
const MAX_EXPRESSION = 2048;
const BACKOFF = { attempts: 5, baseMs: 500, maxMs: 10_000 };
/** Thrown by count() once the run's GetPartitions calls are used up. */
class CountBudgetExceeded extends Error {
    maxCalls;
    constructor(maxCalls) {
        super(`the estimate's ${maxCalls.toLocaleString('en-US')} GetPartitions calls for this run are used up`);
        this.maxCalls = maxCalls;
    }
}
class PartitionCounter {
    glue;
    table;
    keys;
    /** GetPartitions calls made. */
    calls = 0;
    limit;
    localMax;
    segments;
    maxCalls;
    logger;
    backoff;
    /** The table's partition values, when it is small enough to hold; null once known to be larger. */
    local;
    counted = new Map();
    constructor(glue, table, keys, options = {}) {
        this.glue = glue;
        this.table = table;
        this.keys = keys;
        this.limit = options.limit ?? ATHENA_MAX_PARTITIONS_PER_SCAN;
        this.localMax = options.localMax ?? 100_000;
        this.segments = options.segments ?? SEGMENTS;
        this.maxCalls = options.maxCalls ?? 5_000;
        this.logger = options.logger ?? silentLogger;
        this.backoff = options.backoff ?? BACKOFF;
    }
    async count(terms) {
        this.local ??= this.readSmallTable();
        const local = await this.local;
        if (local) {
            let count = 0;
            for (const values of local)
                if (matches(terms, this.keys, values))
                    count += 1;
            return { count, over: count > this.limit, exact: true };
        }
        // In one order whatever the query's, so that the same condition is counted once.
        const text = (term) => glueExpression([term], this.keys);
        let kept = [...terms].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
        // Too long for Glue: drop the longest terms (wider, so still an upper bound) until it fits.
        let expression = glueExpression(kept, this.keys);
        while (expression.length > MAX_EXPRESSION && kept.length > 0) {
            const longest = kept.reduce((a, b) => (text(a).length >= text(b).length ? a : b));
            kept = kept.filter((term) => term !== longest);
            expression = glueExpression(kept, this.keys);
        }
        let counting = this.counted.get(expression);
        if (!counting) {
            counting = this.countInGlue(expression, this.limit);
            this.counted.set(expression, counting);
        }
        return { ...(await counting), exact: kept.length === terms.length };
    }
    /** The whole table's values when it has at most `localMax` partitions, else null (reading stops there). */
    async readSmallTable() {
        const values = [];
        const state = { total: 0, stop: false };
        await Promise.all(Array.from({ length: this.segments }, (_, segment) => this.readSegment('', segment, this.localMax, state, (page) => {
            for (const partition of page)
                values.push(partition);
        })));
        return state.total > this.localMax ? null : values;
    }
    async countInGlue(expression, limit) {
        const state = { total: 0, stop: false };
        await Promise.all(Array.from({ length: this.segments }, (_, segment) => this.readSegment(expression, segment, limit, state)));
        return { count: state.total, over: state.total > limit };
    }
    /** Pages through one segment, adding to the shared total; every segment stops once it passes `limit`. */
    async readSegment(expression, segment, limit, state, keep) {
        let token;
        do {
            // A pull request of many wide queries cannot make the check read the catalog for ever.
            if (this.calls >= this.maxCalls)
                throw new CountBudgetExceeded(this.maxCalls);
            const page = await (0,retry/* withBackoff */.Dc)(() => {
                this.calls += 1;
                return this.glue.send(new client_glue_dist_cjs/* GetPartitionsCommand */.fr1({
                    ...(0,table_ref/* tableParams */.Pn)(this.table),
                    ...(expression ? { Expression: expression } : {}),
                    Segment: { SegmentNumber: segment, TotalSegments: this.segments },
                    MaxResults: PAGE_SIZE,
                    ExcludeColumnSchema: true,
                    ...(token ? { NextToken: token } : {})
                }));
            }, { operation: 'Glue.GetPartitions', logger: this.logger }, this.backoff);
            const partitions = page.Partitions ?? [];
            state.total += partitions.length;
            keep?.(partitions.map((partition) => partition.Values ?? []));
            if (state.total > limit)
                state.stop = true;
            token = page.NextToken;
        } while (token && !state.stop);
    }
}

;// CONCATENATED MODULE: ./src/run/check-options.ts










/**
 * What a check runs on, the same for the action and the command line: the files of the pattern, the
 * severities, and the table's key type and columns (from Glue when it can be read).
 */
/** `AWS's documented CloudTrail schema`, or what a schema AWS does not document is made from. */
function schemaOf(source) {
    return (0,documented_tables/* documentedTable */.D)(source).designedFrom
        ? `the ${source} schema made from AWS's documented record`
        : `AWS's documented ${source} schema`;
}
async function checkOptionsFor(settings, aws, logger) {
    const severities = parseRuleSeverities(settings.ruleSeverity);
    const files = await (0,queries_files/* findQueryFiles */.LX)(settings.queries);
    const table = await readTable(settings, aws, logger);
    const dateKeyType = settings.dateKeyType ?? table.dateKeyType ?? 'string';
    // A table with one date key (AWS's examples) is filtered by that key unless partition-columns says otherwise.
    const partitionColumns = settings.partitionColumns === inputs/* DEFAULT_PARTITION_COLUMNS */.HC && table.dateKeys
        ? table.dateKeys
        : settings.partitionColumns;
    const columnsFrom = table.columns ? 'columns from Glue' : `columns of ${schemaOf(settings.source)}`;
    logger.info(`${files.length} SQL file(s); table ${settings.table}, date keys ${dateKeyType}, ${columnsFrom}`);
    return {
        files,
        table: settings.table,
        source: settings.source,
        ...(settings.database ? { database: settings.database } : {}),
        partitionColumns,
        dateKeyType,
        ...(table.columns ? { columns: table.columns } : {}),
        ...(table.partitionKeys ? { partitionKeys: table.partitionKeys } : {}),
        ...(table.estimateUnavailable ? { estimateUnavailable: table.estimateUnavailable } : {}),
        severities,
        limits: settings.limits
    };
}
const NEEDS_AWS = `it needs AWS credentials ('${constants/* Inputs */.G0.RoleToAssume}' or ambient ones, and '${constants/* Inputs */.G0.AwsRegion}') ` +
    `and the table in Glue ('${constants/* Inputs */.G0.Database}'), to count the partitions through Glue`;
/** The table's date keys when it has the five keys' year, month, day or AWS's one date key; else nothing. */
function dateKeysOf(found, ref, source) {
    try {
        return { dateKeys: (0,vocabulary_keys/* dateKeyNames */.g$)({ date: (0,validate/* validateTable */.zL)(found, ref, (0,documented_tables/* documentedTable */.D)(source)).keys.date }) };
    }
    catch {
        return {};
    }
}
/** One GetTable: the date key type (unless set by input) and the columns of the table. */
async function readTable(settings, aws, logger) {
    const split = (0,table_ref/* splitQualifiedTable */.oN)(settings.table);
    const database = split.database ?? settings.database;
    const table = split.table;
    if (!aws || !database)
        return { estimateUnavailable: NEEDS_AWS };
    const ref = { database, table, ...(settings.catalogId ? { catalogId: settings.catalogId } : {}) };
    let found;
    try {
        found = await (0,validate/* findTable */.UI)(aws.clients.glue, ref);
    }
    catch (error) {
        logger.warning(`Could not read ${database}.${table} from Glue (${error.message}); ` +
            `literals are checked as ${settings.dateKeyType ?? 'string'} date keys and columns against ${schemaOf(settings.source)}.` +
            (settings.dateKeyType ? '' : ` Set '${constants/* Inputs */.G0.DateKeyType}' to be explicit.`));
        return { estimateUnavailable: `${database}.${table} could not be read from Glue` };
    }
    if (!found) {
        logger.warning(`${database}.${table} was not found in Glue; literals are checked as ${settings.dateKeyType ?? 'string'} ` +
            `date keys and columns against ${schemaOf(settings.source)}.`);
        return { estimateUnavailable: `${database}.${table} was not found in Glue` };
    }
    const columns = columnsOf(found);
    const keys = partitionKeysOf(found);
    const estimate = typeof keys === 'string' ? { estimateUnavailable: keys } : { partitionKeys: keys };
    if (settings.dateKeyType)
        return { columns, ...estimate, ...dateKeysOf(found, ref, settings.source) };
    try {
        const validated = (0,validate/* validateTable */.zL)(found, ref, (0,documented_tables/* documentedTable */.D)(settings.source));
        return {
            dateKeyType: validated.dateKeyType,
            dateKeys: (0,vocabulary_keys/* dateKeyNames */.g$)({ date: validated.keys.date }),
            columns,
            ...estimate
        };
    }
    catch (error) {
        logger.warning(`Could not read the date key type of ${database}.${table} (${error.message}); ` +
            `literals are checked as string date keys. Set '${constants/* Inputs */.G0.DateKeyType}' to be explicit.`);
        return { columns, ...estimate };
    }
}
const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint']);
/** The table's partition keys as the estimate counts them, or why it cannot. */
function partitionKeysOf(table) {
    const keys = [];
    for (const key of table.PartitionKeys ?? []) {
        const name = (key.Name ?? '').toLowerCase();
        const type = (key.Type ?? '').toLowerCase().replace(/\(.*\)$/, '');
        if (INTEGER_TYPES.has(type))
            keys.push({ name, kind: 'integer' });
        else if (type === 'string' || type === 'varchar' || type === 'char')
            keys.push({ name, kind: 'string' });
        else
            return `partition key ${name} has type ${key.Type ?? '?'}, which the estimate does not count`;
    }
    return keys.length > 0 ? keys : 'the table has no partition keys';
}
/** Counts partitions through Glue when the table's keys are known; else says why the estimate is missing. */
function estimateDep(settings, aws, options, logger) {
    const keys = options.partitionKeys;
    const database = (0,table_ref/* splitQualifiedTable */.oN)(settings.table).database ?? settings.database;
    if (!aws || !keys || !database)
        return { estimateUnavailable: options.estimateUnavailable ?? NEEDS_AWS };
    const counter = new PartitionCounter(aws.clients.glue, {
        database,
        table: (0,table_ref/* splitQualifiedTable */.oN)(settings.table).table,
        ...(settings.catalogId ? { catalogId: settings.catalogId } : {})
    }, keys, { logger });
    return { countPartitions: (terms) => counter.count(terms) };
}
/** The table's columns, then its partition keys; none when Glue lists no columns. */
function columnsOf(table) {
    const columns = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])]
        .filter((column) => column.Name)
        .map((column) => [(column.Name ?? '').toLowerCase(), column.Type ?? '']);
    return columns.length > 0 ? columns : undefined;
}
function explainDep(settings, aws) {
    const workgroup = settings.workgroup;
    if (!workgroup || !aws)
        return {};
    const database = settings.database ?? (0,table_ref/* splitQualifiedTable */.oN)(settings.table).database ?? 'default';
    return {
        explain: (sql, deadline) => explainStatement(aws.clients.athena, {
            sql,
            database,
            workgroup,
            ...(settings.athenaCatalog ? { catalog: settings.athenaCatalog } : {}),
            ...(settings.athenaOutputLocation ? { outputLocation: settings.athenaOutputLocation } : {})
        }, { deadline })
    };
}

// EXTERNAL MODULE: ./src/vocabulary/escape.ts
var vocabulary_escape = __webpack_require__(153);
;// CONCATENATED MODULE: ./src/queries/annotations.ts
/**
 * GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently
 * (limits.md). So the most important findings get them, and the last one of a kind that overflows
 * says how many more there are; the job summary lists everything.
 */

const ANNOTATIONS_PER_KIND = 10;
/**
 * Findings get nine of each kind: errors fail the step, and the failure message is an error
 * annotation; the command's own warnings (no permission to comment, checking without AWS) are
 * warning annotations. Neither may push out the finding that says how many more there are.
 */
const FINDING_ANNOTATIONS_PER_KIND = ANNOTATIONS_PER_KIND - 1;
function selectAnnotations(findings) {
    const annotations = [];
    for (const kind of ['error', 'warning']) {
        const ofKind = findings.filter((finding) => finding.severity === kind).sort(compareFindings);
        const shown = ofKind.slice(0, FINDING_ANNOTATIONS_PER_KIND);
        const hidden = ofKind.length - shown.length;
        shown.forEach((finding, i) => {
            const last = i === shown.length - 1 && hidden > 0;
            const note = ` (${hidden} more ${hidden === 1 ? kind : `${kind}s`} not annotated: see the job summary)`;
            annotations.push({ kind, finding: last ? { ...finding, message: finding.message + note } : finding });
        });
    }
    return annotations;
}

// EXTERNAL MODULE: ./src/queries/limits.ts
var queries_limits = __webpack_require__(7302);
// EXTERNAL MODULE: ./src/vocabulary/dates.ts
var dates = __webpack_require__(2145);
;// CONCATENATED MODULE: ./src/queries/eventtime.ts




/** Functions that keep eventtime's instant: `date(from_iso8601_timestamp(eventtime))`. */
const TIME_FUNCTIONS = new Set([
    'from_iso8601_timestamp',
    'from_iso8601_timestamp_nanos',
    'from_iso8601_date',
    'date',
    'parse_datetime',
    'date_parse',
    'to_timestamp'
]);
/** The days the top-level AND terms of `block` allow for `source`'s eventtime. */
function eventTimeRange(block, source) {
    const range = {};
    const narrow = (bound, day) => {
        const current = range[bound];
        range[bound] =
            current === undefined ? day : bound === 'first' ? Math.max(current, day) : Math.min(current, day);
    };
    for (const conjunct of block.conjuncts) {
        const predicate = columnPredicate(block, conjunct, eventTimeColumn);
        if (!predicate || predicate.column.source !== source || predicate.negated)
            continue;
        const times = predicate.values.map(timeLiteral);
        if (predicate.kind === 'between' && times[0] && times[1]) {
            narrow('first', times[0].day - times[0].slack);
            narrow('last', times[1].day + times[1].slack);
        }
        else if (predicate.kind === 'comparison' && times[0]) {
            const { day, slack, midnight } = times[0];
            const operator = predicate.operator;
            if (operator === '=' || operator === '>' || operator === '>=')
                narrow('first', day - slack);
            if (operator === '=' || operator === '<=')
                narrow('last', day + slack);
            // Before midnight of a day is the day before.
            if (operator === '<')
                narrow('last', day + slack - (midnight ? 1 : 0));
        }
    }
    return range;
}
/** eventtime, bare or inside the conversions people wrap it in. */
function eventTimeColumn(block, side) {
    const column = bareColumn(block, side);
    if (column)
        return column.path[0] === 'eventtime' ? column : undefined;
    const inner = innerValue(side, (name) => TIME_FUNCTIONS.has(name));
    return inner ? eventTimeColumn(block, inner) : undefined;
}
const TIME_LITERAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A date or time written as a literal: `'2026-03-01T00:00:00Z'`, `timestamp '...'`, `date '...'`. */
function timeLiteral(value) {
    const text = literalText(value);
    const match = text === undefined ? null : TIME_LITERAL.exec(text.trim());
    if (!match)
        return undefined;
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (!(0,dates/* isRealDate */.V_)(date))
        return undefined;
    const offset = match[7]?.toUpperCase();
    return {
        day: (0,dates/* dayNumberOf */.jR)(date),
        midnight: [match[4], match[5], match[6]].every((part) => part === undefined || Number(part) === 0),
        slack: offset === undefined || offset === 'Z' || offset === 'UTC' || /^[+-]00:?00$/.test(offset) ? 0 : 1
    };
}
function literalText(value) {
    if (!(value instanceof TrinoSqlParser/* ValueExpressionDefaultContext */._GQ))
        return undefined;
    const primary = value.primaryExpression();
    if (primary instanceof TrinoSqlParser/* StringLiteralContext */._HG)
        return stringValue(primary.getText());
    if (primary instanceof TrinoSqlParser/* TypeConstructorContext */.kWK)
        return stringValue(primary.string().getText());
    const inner = innerValue(value, (name) => TIME_FUNCTIONS.has(name));
    return inner ? literalText(inner) : undefined;
}
/** The first argument of `f(x, ...)` when `accepts(f)`, or the operand of `CAST(x AS ...)`. */
function innerValue(value, accepts) {
    if (!(value instanceof TrinoSqlParser/* ValueExpressionDefaultContext */._GQ))
        return undefined;
    const primary = value.primaryExpression();
    let argument = null;
    if (primary instanceof TrinoSqlParser/* CastContext */.DfT)
        argument = primary.expression().booleanExpression();
    else if (primary instanceof TrinoSqlParser/* FunctionCallContext */.WcL &&
        accepts(primary.functionName().getText().toLowerCase())) {
        argument = primary.expression(0)?.booleanExpression() ?? null;
    }
    return argument instanceof TrinoSqlParser/* PredicatedContext */.B4M && !argument.predicate()
        ? argument.valueExpression()
        : undefined;
}
/**
 * Partition predicates for the days `first` to `last`. `columns` are the year, month and day keys
 * in that order. Across a month or year boundary the day (month) condition is the complement of
 * the days (months) the range skips, which only exists when the range touches two months (years).
 */
function proposePartitionPredicates(first, last, columns, keyType) {
    const [yearColumn, monthColumn, dayColumn] = columns;
    if (!yearColumn || columns.length !== 3 || first > last)
        return undefined;
    const a = (0,dates/* calendarDateOf */.oc)(first);
    const b = (0,dates/* calendarDateOf */.oc)(last);
    const value = (n, width) => keyType === 'int' ? n.toString() : `'${width === 2 ? (0,dates/* pad2 */.wl)(n) : n.toString().padStart(width, '0')}'`;
    const range = (column, from, to, width) => from === to
        ? `${column} = ${value(from, width)}`
        : `${column} BETWEEN ${value(from, width)} AND ${value(to, width)}`;
    const excluding = (column, from, to) => `${column} NOT BETWEEN ${value(from, 2)} AND ${value(to, 2)}`;
    const parts = [range(yearColumn, a.year, b.year, 4)];
    const unconstrained = [];
    const sameYear = a.year === b.year;
    const sameMonth = sameYear && a.month === b.month;
    if (monthColumn) {
        if (sameYear)
            parts.push(range(monthColumn, a.month, b.month, 2));
        else if (b.year === a.year + 1 && b.month < a.month - 1)
            parts.push(excluding(monthColumn, b.month + 1, a.month - 1));
        else
            unconstrained.push(monthColumn);
    }
    if (dayColumn) {
        const nextMonth = a.month === 12 ? { year: a.year + 1, month: 1 } : { year: a.year, month: a.month + 1 };
        const adjacentMonths = b.year === nextMonth.year && b.month === nextMonth.month;
        if (sameMonth)
            parts.push(range(dayColumn, a.day, b.day, 2));
        else if (adjacentMonths && b.day < a.day - 1)
            parts.push(excluding(dayColumn, b.day + 1, a.day - 1));
        else
            unconstrained.push(dayColumn);
    }
    return { text: parts.join(' AND '), unconstrained };
}

;// CONCATENATED MODULE: ./src/queries/rules/partition-filter.ts






const checkPartitionFilter = (block, context) => {
    const problems = [];
    const { partitionColumns } = context.settings;
    for (const source of block.sources.filter((candidate) => candidate.isCloudTrail)) {
        const constraints = constraintsOf(block.conjuncts, block, source);
        const missing = partitionColumns.filter((column) => !counts(constraints, column, partitionColumns));
        if (missing.length === 0)
            continue;
        const named = source.qualifier === context.settings.table.toLowerCase() ? '' : ` (as ${source.qualifier})`;
        const why = missing
            .map((column) => whyNotCounted(block, source, column, constraints, partitionColumns))
            .filter((reason) => reason !== undefined);
        problems.push({
            rule: 'partition-filter',
            ...positionOf(source.node),
            message: `This query reads ${source.node.getText()}${named} without a condition on partition ` +
                `${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} in a top-level AND of ` +
                `its WHERE${why.length ? ` (${why.join('; ')})` : ''}, so Athena scans every partition. ` +
                `Add ${missing.length === 1 ? 'it' : 'them'} with AND at the top level of the WHERE clause.` +
                proposalNote(block, source, context)
        });
    }
    return problems;
};
function counts(constraints, column, partitionColumns) {
    const strength = constraints.get(column);
    if (strength === 'full')
        return true;
    const [year] = partitionColumns;
    return (strength === 'excluding' &&
        partitionColumns.length === 3 &&
        column !== year &&
        year !== undefined &&
        constraints.get(year) === 'full');
}
/** Constraints of AND terms: each column as strongly as its strongest term limits it. */
function constraintsOf(terms, block, source) {
    const result = new Map();
    for (const term of terms) {
        for (const [column, strength] of constrainedBy(term, block, source)) {
            if (result.get(column) !== 'full')
                result.set(column, strength);
        }
    }
    return result;
}
/**
 * Partition columns that one WHERE term limits: `year = '2026'`, `day BETWEEN ...`,
 * `month IN (...)`, or an OR whose every branch limits the column.
 */
function constrainedBy(term, block, source) {
    if (term instanceof TrinoSqlParser/* OrContext */.LOB) {
        // A column is limited as weakly as its weakest branch limits it, and not at all if one does not.
        const [first, ...others] = orBranches(term).map((branch) => constraintsOf(topLevelConjuncts(branch), block, source));
        const result = new Map(first);
        for (const branch of others) {
            for (const [column, strength] of result) {
                const other = branch.get(column);
                if (!other)
                    result.delete(column);
                else if (other !== 'full' || strength !== 'full')
                    result.set(column, 'excluding');
            }
        }
        return result;
    }
    const predicate = columnPredicate(block, term);
    const column = predicate?.column.path[0];
    if (!predicate || predicate.column.source !== source || column === undefined)
        return new Map();
    const strength = strengthOf(predicate);
    return strength ? new Map([[column, strength]]) : new Map();
}
function strengthOf(predicate) {
    if (predicate.kind === 'between')
        return predicate.negated ? 'excluding' : 'full';
    if (predicate.kind === 'in')
        return predicate.negated ? undefined : 'full';
    return predicate.operator === '<>' || predicate.operator === '!=' ? undefined : 'full';
}
/** Why a condition the query has on `column` does not count, when it has one. */
function whyNotCounted(block, source, column, constraints, partitionColumns) {
    const onColumn = (ref, scope) => {
        const resolved = resolveColumn(scope, ref);
        return resolved ? resolved.source === source && resolved.path[0] === column : ref.path.at(-1) === column;
    };
    const refs = block.columnRefs.filter((ref) => onColumn(ref, block));
    const where = block.node instanceof TrinoSqlParser/* QuerySpecificationContext */.fun ? block.node.whereClause() : null;
    const inWhere = refs.find((ref) => where && partition_filter_isInside(ref.node, where));
    if (inWhere && where) {
        const its = `its condition on ${column}`;
        if (constraints.get(column) === 'excluding') {
            return column === partitionColumns[0] || partitionColumns.length !== 3
                ? `${its} is NOT BETWEEN, which excludes values but reads all others`
                : `${its} is NOT BETWEEN, which counts only with a condition on ${partitionColumns[0] ?? 'year'}`;
        }
        for (let node = inWhere.node.parent; node && node !== where; node = node.parent) {
            if (node instanceof TrinoSqlParser/* OrContext */.LOB)
                return `${its} is under OR`;
            if (node instanceof TrinoSqlParser/* LogicalNotContext */.k3I)
                return `${its} is under NOT`;
        }
        const predicated = enclosing(inWhere.node, TrinoSqlParser/* PredicatedContext */.B4M);
        const predicate = predicated && columnPredicate(block, predicated);
        if (predicate?.column.source === source) {
            if (predicate.kind === 'in')
                return `${its} is NOT IN, which excludes values but reads all others`;
            if (predicate.kind === 'comparison') {
                return `${its} is ${predicate.operator ?? '<>'}, which excludes a value but reads all others`;
            }
        }
        return `${its} does not compare the column itself with a constant value`;
    }
    const inJoin = refs.find((ref) => enclosing(ref.node, TrinoSqlParser/* JoinCriteriaContext */.v_s));
    if (inJoin)
        return `its condition on ${column} is in a JOIN ON clause`;
    const inHaving = refs.find((ref) => enclosing(ref.node, TrinoSqlParser/* HavingClauseContext */.ohI));
    if (inHaving)
        return `its condition on ${column} is in HAVING`;
    for (let outer = block.parent; outer; outer = outer.parent) {
        const scope = outer;
        const outerWhere = scope.node instanceof TrinoSqlParser/* QuerySpecificationContext */.fun ? scope.node.whereClause() : null;
        const mentioned = (ref) => outerWhere !== null &&
            partition_filter_isInside(ref.node, outerWhere) &&
            ref.path.at(-1) === column &&
            onColumn(ref, scope);
        if (scope.columnRefs.some(mentioned)) {
            return `its condition on ${column} is in an enclosing query`;
        }
    }
    return undefined;
}
function partition_filter_isInside(node, container) {
    for (let current = node; current; current = current.parent) {
        if (current === container)
            return true;
    }
    return false;
}
/** The nearest ancestor of `node` of class `type`, not beyond `node`'s query block. */
function enclosing(node, type) {
    for (let current = node.parent; current; current = current.parent) {
        if (current instanceof type)
            return current;
        if (current instanceof TrinoSqlParser/* QuerySpecificationContext */.fun)
            return undefined;
    }
    return undefined;
}
function proposalNote(block, source, context) {
    const { first, last } = eventTimeRange(block, source);
    if (first === undefined && last === undefined)
        return '';
    if (first === undefined || last === undefined) {
        return ' Its eventtime condition has only one bound; with both, this check proposes the partition condition.';
    }
    const { partitionColumns, dateKeyType } = context.settings;
    // With other sources in the block, name the columns as this source's.
    const prefix = block.sources.length > 1 && source.qualifier ? `${source.qualifier}.` : '';
    const columns = partitionColumns.map((column) => prefix + column);
    const proposal = proposePartitionPredicates(first, last, columns, dateKeyType);
    if (!proposal)
        return '';
    const wide = proposal.unconstrained.length
        ? ` (${proposal.unconstrained.join(' and ')} cannot narrow a range this long)`
        : '';
    return ` Matching its eventtime condition: ${proposal.text}${wide}.`;
}

;// CONCATENATED MODULE: ./src/queries/rules/partition-literal.ts



const checkPartitionLiterals = (block, context) => {
    const { partitionColumns, dateKeyType } = context.settings;
    const problems = [];
    walk(block.node, (node) => {
        if (node !== block.node && node instanceof TrinoSqlParser/* QuerySpecificationContext */.fun)
            return false;
        if (!(node instanceof TrinoSqlParser/* PredicatedContext */.B4M))
            return true;
        const predicate = columnPredicate(block, node);
        const column = predicate?.column.path[0];
        // Keys have a year, month or day format only as the configured year, month, day triple.
        const role = column === undefined || partitionColumns.length !== 3 ? -1 : partitionColumns.indexOf(column);
        if (!predicate || role < 0)
            return true;
        // A value no partition has excludes nothing: harmless in `day <> '00'`.
        const excludes = predicate.negated || predicate.operator === '<>' || predicate.operator === '!=';
        const typed = predicate.values.map(typedDate);
        const checked = predicate.values.map((value, i) => {
            const date = typed[i];
            if (date)
                return judgeTyped(date, dateKeyType, role);
            const literal = literalOf(value);
            return literal ? judge(literal, dateKeyType, role, excludes) : undefined;
        });
        const firstWrong = checked.findIndex((entry) => entry?.reason !== undefined);
        const wrong = checked[firstWrong];
        const wrongNode = predicate.values[firstWrong];
        if (!wrong?.reason || !wrongNode)
            return true;
        const values = predicate.values.map((value, i) => checked[i]?.fixed ?? sourceText(value));
        const fixable = checked.every((entry) => !entry?.reason || entry.fixed !== undefined) && sameDateAbove(typed, role);
        problems.push({
            rule: 'partition-literal',
            ...positionOf(wrongNode),
            message: `${sourceText(wrongNode)} ${wrong.reason} (${column} is ${dateKeyType === 'int' ? 'an' : 'a'} ` +
                `${dateKeyType} partition key)` +
                (fixable
                    ? `; write ${rewrite(predicate, values)}`
                    : typed[firstWrong]
                        ? `; compare ${column} with ${dateKeyType === 'string' ? "a string such as '01'" : 'a number such as 1'}, and year and month with theirs`
                        : '')
        });
        return true;
    });
    return problems;
};
/** `role` is 0 for the year key, 1 for the month, 2 for the day. */
function judge(literal, keyType, role, excludes) {
    const width = role === 0 ? 4 : 2;
    const digits = /^\d+$/.test(literal.value);
    const number = Number(literal.value);
    if (role === 0 && digits && number.toString().length !== 4) {
        return excludes ? {} : { reason: 'is not a year: a year has 4 digits' };
    }
    const max = [9999, 12, 31][role] ?? 31;
    const inRange = digits && number >= 1 && number <= max;
    if (!inRange)
        return excludes ? {} : { reason: 'is never a value of this key' };
    const canonical = keyType === 'string' ? number.toString().padStart(width, '0') : number.toString();
    const fixed = keyType === 'string' ? `'${canonical}'` : canonical;
    if (keyType === 'string' && literal.kind === 'number')
        return { reason: 'is a number', fixed };
    if (keyType === 'int' && literal.kind === 'string')
        return { reason: 'is a string', fixed };
    if (keyType === 'string' && literal.value !== canonical) {
        const how = literal.value.length > width
            ? `has more than ${width} digits (leading zeros)`
            : `is not zero-padded to ${width} digits`;
        return { reason: `${how}, so it matches no partition`, fixed };
    }
    return {};
}
function typedDate(value) {
    if (!(value instanceof TrinoSqlParser/* ValueExpressionDefaultContext */._GQ))
        return undefined;
    const primary = value.primaryExpression();
    if (!(primary instanceof TrinoSqlParser/* TypeConstructorContext */.kWK))
        return undefined;
    const name = primary.identifier();
    const type = name ? identifierName(name) : '';
    if (type !== 'date' && type !== 'timestamp')
        return undefined;
    const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(stringValue(primary.string().getText()));
    if (!match)
        return { type, year: 0, month: 0, day: 0 };
    return { type, year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}
/** A date or timestamp is never comparable with the key: the fix is the date's year, month or day. */
function judgeTyped(date, keyType, role) {
    const reason = `is a ${date.type}, and Athena does not compare a ${date.type} with ${keyType === 'string' ? 'varchar' : 'integer'}`;
    const part = [date.year, date.month, date.day][role] ?? 0;
    if (part === 0)
        return { reason };
    const canonical = keyType === 'string' ? part.toString().padStart(role === 0 ? 4 : 2, '0') : part.toString();
    return { reason, fixed: keyType === 'string' ? `'${canonical}'` : canonical };
}
/**
 * Whether the dates all fall in the same year (for a month key) or month (for a day key): only
 * then does each one's month or day say the same as the dates did.
 */
function sameDateAbove(dates, role) {
    const above = new Set(dates.filter((date) => date !== undefined).map((date) => [date.year, date.month].slice(0, role).join('-')));
    return above.size <= 1;
}
function rewrite(predicate, values) {
    const column = sourceText(predicate.columnNode);
    const not = predicate.negated ? 'NOT ' : '';
    if (predicate.kind === 'between')
        return `${column} ${not}BETWEEN ${values[0]} AND ${values[1]}`;
    if (predicate.kind === 'in')
        return `${column} ${not}IN (${values.join(', ')})`;
    return `${column} ${predicate.operator ?? '='} ${values[0]}`;
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
// EXTERNAL MODULE: ./src/logs/sources.ts
var sources = __webpack_require__(6045);
// EXTERNAL MODULE: ./src/table/schema.ts
var schema = __webpack_require__(797);
;// CONCATENATED MODULE: ./src/queries/rules/unknown-column.ts
/**
 * `unknown-column`: columns (and struct fields) read from the checked table must exist in its
 * schema (the table's own when read from Glue, else the one documented for its source: CloudTrail's,
 * Config's...); the finding names the nearest existing one. Only references that surely read the
 * checked table are checked (see resolve.ts).
 */







const checkUnknownColumns = (block, context) => {
    const problems = [];
    if (block.columnRefs.length === 0)
        return problems;
    const columns = tableColumns(context);
    const table = `the ${context.settings.source ?? sources/* DEFAULT_SOURCE */.Qe} table`;
    for (const ref of block.columnRefs) {
        const resolved = resolveColumn(block, ref);
        if (!resolved?.certain)
            continue;
        const skipped = ref.path.length - resolved.path.length;
        let fields = columns;
        let owner = table;
        for (const [i, name] of resolved.path.entries()) {
            const identifier = ref.identifiers[skipped + i];
            if (fields === null) {
                if (identifier) {
                    problems.push({
                        rule: 'unknown-column',
                        ...positionOf(identifier),
                        message: `${owner} has no fields, so .${name} cannot be read from it`
                    });
                }
                break;
            }
            if (!fields.has(name)) {
                if (i === 0 && block.selectAliases.has(name))
                    break;
                if (identifier) {
                    const nearest = (0,mod/* closest */.kp)(name, [...fields.keys()]);
                    problems.push({
                        rule: 'unknown-column',
                        ...positionOf(identifier),
                        message: i === 0
                            ? `Column ${name} does not exist in ${table}; did you mean ${nearest}?`
                            : `${owner} has no field ${name}; did you mean ${nearest}?`
                    });
                }
                break;
            }
            fields = fields.get(name) ?? null;
            owner = resolved.path.slice(0, i + 1).join('.');
        }
    }
    return problems;
};
/** Read once per check: parsing the schema's struct types for every query block costs more than the rule. */
const columnsBySettings = new WeakMap();
/** Columns of the checked table with their struct fields, partition keys included. */
function tableColumns(context) {
    let columns = columnsBySettings.get(context.settings);
    if (!columns) {
        columns = readTableColumns(context);
        columnsBySettings.set(context.settings, columns);
    }
    return columns;
}
function readTableColumns(context) {
    const given = context.settings.columns;
    if (given)
        return new Map(given.map(([name, type]) => [name.toLowerCase(), (0,schema/* fieldsOf */.Pf)(type)]));
    const documented = (0,documented_tables/* documentedTable */.D)(context.settings.source ?? sources/* DEFAULT_SOURCE */.Qe).columns;
    const columns = new Map(documented.map(([name, type]) => [name, (0,schema/* fieldsOf */.Pf)(type)]));
    const [account, region] = vocabulary_keys/* PARTITION_KEY_NAMES */.WV;
    for (const key of [account, region, ...context.settings.partitionColumns])
        columns.set(key, null);
    return columns;
}

// EXTERNAL MODULE: ./node_modules/antlr4ng/dist/index.mjs
var dist = __webpack_require__(1621);
// EXTERNAL MODULE: ./node_modules/dt-sql-parser/dist/parser/trino/index.js + 17 modules
var trino = __webpack_require__(2718);
// EXTERNAL MODULE: ./node_modules/dt-sql-parser/dist/parser/common/errorStrategy.js
var errorStrategy = __webpack_require__(7441);
// EXTERNAL MODULE: ./node_modules/dt-sql-parser/dist/lib/trino/TrinoSqlLexer.js
var TrinoSqlLexer = __webpack_require__(1137);
;// CONCATENATED MODULE: ./src/queries/split.ts
const SPACE = new Set([' ', '\t', '\r', '\n']);
const QUOTE = 39; // '
/**
 * Lines count line feeds and columns count code points from 0, as the ANTLR lexer does, so the
 * lexer of a statement can start where the statement is.
 */
function* splitStatements(sql) {
    let line = 1;
    let column = 0;
    let i = 0;
    // The statement being read: where it starts (-1 while only spaces and comments were seen).
    let start = -1;
    let startLine = 1;
    let startColumn = 0;
    let depth = 0;
    let deepest = 0;
    /** Moves over one code point, keeping line and column. */
    const step = () => {
        const unit = sql.charCodeAt(i);
        if (unit === 10) {
            line += 1;
            column = 0;
        }
        else
            column += 1;
        const isPair = unit >= 0xd800 && unit <= 0xdbff && (sql.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        i += isPair ? 2 : 1;
    };
    const stepTo = (end) => {
        while (i < end)
            step();
    };
    const begin = () => {
        if (start >= 0)
            return;
        start = i;
        startLine = line;
        startColumn = column;
    };
    const statement = (end) => {
        const found = {
            text: sql.slice(start, end),
            offset: start,
            line: startLine,
            column: startColumn + 1,
            depth: deepest
        };
        start = -1;
        depth = 0;
        deepest = 0;
        return found;
    };
    while (i < sql.length) {
        const character = sql[i];
        const next = sql[i + 1];
        if (SPACE.has(character))
            step();
        else if (character === '-' && next === '-') {
            // SIMPLE_COMMENT: '--' ~[\r\n]* '\r'? '\n'?; what follows the comment is read as space.
            while (i < sql.length && sql[i] !== '\n' && sql[i] !== '\r')
                step();
        }
        else if (character === '/' && next === '*' && sql.indexOf('*/', i + 2) >= 0) {
            stepTo(sql.indexOf('*/', i + 2) + 2);
        }
        else if (character === "'" || character === '"' || character === '`') {
            begin();
            stepTo(quotedEnd(sql, i, character));
        }
        else if (character === ';') {
            step();
            if (start >= 0)
                yield statement(i);
        }
        else if (isWordPart(sql.charCodeAt(i))) {
            // A name, keyword or number (Trino's IDENTIFIER, DIGIT_IDENTIFIER, INTEGER_VALUE): `1X` is one.
            begin();
            const from = i;
            while (i < sql.length && isWordPart(sql.charCodeAt(i)))
                step();
            const length = i - from;
            // X'...': a binary literal, which ends at the next quote (no doubled quotes in it).
            if (length === 1 && (sql[from] === 'X' || sql[from] === 'x') && sql.charCodeAt(i) === QUOTE) {
                const close = sql.indexOf("'", i + 1);
                if (close >= 0)
                    stepTo(close + 1);
                continue;
            }
            // CASE ... END nests as parentheses do.
            const word = length === 4 || length === 3 ? sql.slice(from, i).toLowerCase() : '';
            if (word === 'case') {
                depth += 1;
                if (depth > deepest)
                    deepest = depth;
            }
            else if (word === 'end' && depth > 0)
                depth -= 1;
        }
        else {
            // Anything else, an unrecognized character or an unclosed '/*' included, belongs to the statement.
            begin();
            if (character === '(' || character === '[') {
                depth += 1;
                if (depth > deepest)
                    deepest = depth;
            }
            else if ((character === ')' || character === ']') && depth > 0)
                depth -= 1;
            step();
        }
    }
    if (start >= 0)
        yield statement(sql.length);
}
/**
 * Where the string or name opened by the quote at `from` ends: after its closing quote, a doubled
 * quote standing for itself. Left open, ANTLR keeps the longest token that matched: up to the
 * first quote of the last doubled pair (which could have closed it), else the lone opening quote.
 */
function quotedEnd(sql, from, quote) {
    let lastAccept = from + 1;
    let at = from + 1;
    for (;;) {
        const found = sql.indexOf(quote, at);
        if (found < 0)
            return lastAccept;
        if (sql[found + 1] !== quote)
            return found + 1;
        lastAccept = found + 1;
        at = found + 2;
    }
}
/** ASCII letters, digits and `_`. */
function isWordPart(unit) {
    return ((unit >= 97 && unit <= 122) || (unit >= 65 && unit <= 90) || unit === 95 || (unit >= 48 && unit <= 57));
}

;// CONCATENATED MODULE: ./src/queries/statements.ts
/**
 * Parses the statements of a SQL file with the Trino grammar Athena's engine uses. The file is cut
 * into statements in one pass (split.ts) and each is parsed once, on its own text, with a lexer
 * that starts at the statement's line and column: a syntax error in one does not hide the others,
 * positions are the file's, and the work is linear in the file.
 */

// The Trino dialect only: dt-sql-parser's index loads all eight dialects' grammars.





const CLOCK_EVERY = 16;
/** Thrown out of the parser when the time given to a file runs out. */
class ParseDeadlineExceeded extends Error {
    constructor() {
        super('the time budget ran out while parsing');
    }
}
/** Reads the statements of a whole file (no limits: the check applies its own, see check.ts). */
function parseSqlFile(file) {
    const result = { statements: [], syntaxErrors: [] };
    for (const source of sqlStatements(file)) {
        const outcome = parseStatement(source);
        if (outcome.kind === 'parsed')
            result.statements.push(outcome.statement);
        else if (outcome.kind === 'syntax-error')
            result.syntaxErrors.push(outcome.problem);
    }
    return result;
}
/**
 * The parser builds its prediction tables as it meets each construct: the first statements of a
 * run cost seconds more than the same ones later. Paid once, here, before any file's time budget
 * starts, so that a file's budget measures that file.
 */
const WARM_UP = `WITH recent AS (
  SELECT eventname, useridentity.arn AS arn, json_extract_scalar(requestparameters, '$.bucketName') AS bucket,
    CASE WHEN errorcode IS NULL THEN 'ok' ELSE errorcode END AS outcome, resources[1].arn AS first_arn,
    row_number() OVER (PARTITION BY eventname ORDER BY eventtime DESC) AS n
  FROM cloudtrail CROSS JOIN UNNEST(resources) AS r(res)
  WHERE year = '2026' AND month BETWEEN '01' AND '03' AND day IN ('01', '02') AND NOT (readonly = 'true')
    AND from_iso8601_timestamp(eventtime) > current_timestamp - INTERVAL '1' DAY
    AND cardinality(filter(resources, x -> x.type LIKE 'AWS::S3::%')) > 0
)
SELECT arn, count(*) AS calls, max(n) FROM recent r LEFT JOIN (SELECT 1 AS one) o ON true
GROUP BY arn HAVING count(*) > 1 ORDER BY calls DESC LIMIT 10`;
let warm = false;
function warmUpParser() {
    if (warm)
        return;
    warm = true;
    for (const source of splitStatements(WARM_UP))
        parseStatement(source);
}
/** The file's statements, in order; a byte order mark is not part of the text. */
function sqlStatements(file) {
    // Editors show the line after a byte order mark from column 1.
    return splitStatements(file.replace(/^\uFEFF/, ''));
}
/**
 * Parses one statement. `deadline` (a `performance.now()` time) stops a parse that takes too long
 * with ParseDeadlineExceeded; a stack overflow on deep nesting comes out as a RangeError.
 */
function parseStatement(source, deadline = Infinity) {
    const lexed = statements_trino.lex(source.text, source, deadline);
    const tokens = lexed.tokens.filter((token) => token.channel === dist/* Token */.ou.DEFAULT_CHANNEL &&
        token.type !== TrinoSqlLexer/* TrinoSqlLexer */.t.SEMICOLON &&
        token.type !== dist/* Token */.ou.EOF);
    const [first, last] = [tokens[0], tokens.at(-1)];
    if (!first || !last) {
        const problem = lexed.errors[0];
        return problem ? { kind: 'syntax-error', problem } : { kind: 'hive-ddl' };
    }
    if (isHiveDdl(tokens))
        return { kind: 'hive-ddl' };
    // The lexer and parser count code points, strings are indexed by UTF-16 code units: they differ
    // after a character outside the Basic Multilingual Plane (an emoji in a comment).
    const unitOffset = utf16Offsets(source.text);
    const query = unloadQuery(tokens);
    if (query && 'message' in query)
        return { kind: 'syntax-error', problem: query };
    let tree;
    if (query) {
        // An UNLOAD's query is parsed on its own, up to its closing parenthesis.
        const [from, to] = [query.tokens[0], query.tokens.at(-1)];
        const text = source.text.slice(unitOffset(from.start), unitOffset(to.stop + 1));
        tree = statements_trino.parseLexed(statements_trino.lex(text, positionOfToken(from), deadline));
    }
    else
        tree = statements_trino.parseLexed(lexed);
    if (!(tree instanceof TrinoSqlParser/* ProgramContext */.s_A))
        return { kind: 'syntax-error', problem: tree };
    const significant = query ? query.tokens : tokens;
    const backquoted = backquotedIn(significant);
    if (backquoted)
        return { kind: 'syntax-error', problem: backquoted };
    const [start, end] = [significant[0], significant.at(-1)];
    const text = source.text.slice(unitOffset(start.start), unitOffset(end.stop + 1));
    const explainable = !tree.statements().some((one) => {
        const kind = one.singleStatement().statement();
        return kind instanceof TrinoSqlParser/* ExplainContext */.llB || kind instanceof TrinoSqlParser/* ExplainAnalyzeContext */.F3o;
    });
    return { kind: 'parsed', statement: { tree, text, explainable, ...positionOfToken(start) } };
}
/** Stops the listener's parse at the first syntax error: the check reports only that one. */
class FirstSyntaxError extends Error {
    problem;
    constructor(problem) {
        super(problem.message);
        this.problem = problem;
    }
}
/**
 * A token stream that checks the clock every few look-aheads: the parser's prediction reads
 * through it, so a parse that would take too long stops inside the statement, not after it. On
 * deep nesting the parser can work for milliseconds between two look-aheads.
 */
class DeadlineTokenStream extends dist/* CommonTokenStream */.jB {
    deadline;
    countdown = CLOCK_EVERY;
    constructor(source, deadline) {
        super(source);
        this.deadline = deadline;
    }
    LA(i) {
        this.countdown -= 1;
        if (this.countdown === 0) {
            this.countdown = CLOCK_EVERY;
            if (performance.now() > this.deadline)
                throw new ParseDeadlineExceeded();
        }
        return super.LA(i);
    }
}
/** TrinoSQL with its lexer and parser put together the way the check needs them. */
class StatementParser extends trino/* TrinoSQL */.VP {
    /** Lexes `text` as if it started at `at` in the file. */
    lex(text, at, deadline) {
        const lexer = this.createLexerFromCharStream(dist/* CharStreams */.iH.fromString(text));
        lexer.line = at.line;
        lexer.column = at.column - 1;
        const errors = [];
        lexer.removeErrorListeners();
        lexer.addErrorListener(this.createErrorListener(listenerInto(errors)));
        const stream = new DeadlineTokenStream(lexer, deadline);
        stream.fill();
        return { stream, tokens: stream.getTokens(), errors };
    }
    /** The tree, or the first error (the lexer's first: it runs before the parser). */
    parseLexed(lexed) {
        if (lexed.errors[0])
            return lexed.errors[0];
        const parser = this.createParserFromTokenStream(lexed.stream);
        parser.interpreter.predictionMode = dist/* PredictionMode */.R$.SLL;
        parser.removeErrorListeners();
        parser.addErrorListener(this.createErrorListener((error) => {
            throw new FirstSyntaxError(problemOf(error));
        }));
        parser.buildParseTrees = true;
        parser.errorHandler = new errorStrategy/* ErrorStrategy */.K();
        try {
            const program = parser.program();
            return secondStatement(program) ?? program;
        }
        catch (error) {
            if (error instanceof FirstSyntaxError)
                return error.problem;
            throw error;
        }
    }
}
const statements_trino = new StatementParser();
/**
 * The grammar's `program` takes several statements without a `;` between them (`SELECT 1 SELECT 2`);
 * Athena takes one per request, so a piece holding two is a syntax error and is never sent.
 */
function secondStatement(program) {
    const second = program.statements(1)?.start;
    if (!second)
        return undefined;
    return {
        ...positionOfToken(second),
        message: `a second statement starts at '${second.text ?? ''}' with no ';' before it; Athena runs one statement ` +
            'per query: end the first with a semicolon'
    };
}
function listenerInto(errors) {
    return (error) => errors.push(problemOf(error));
}
function problemOf(error) {
    return { line: error.startLine, column: error.startColumn, message: error.message };
}
/**
 * The Hive DDL statements Athena runs but the Trino grammar does not parse (or parses without
 * their backquotes), recognised by their leading keywords: each is a sequence of words, `*`
 * standing for the table name (any tokens up to the next word).
 */
const HIVE_DDL = [
    ['MSCK', 'REPAIR', 'TABLE'],
    ['ALTER', 'TABLE', '*', 'ADD', 'PARTITION'],
    ['ALTER', 'TABLE', '*', 'ADD', 'IF', 'NOT', 'EXISTS', 'PARTITION'],
    ['ALTER', 'TABLE', '*', 'ADD', 'COLUMNS'],
    ['ALTER', 'TABLE', '*', 'DROP', 'PARTITION'],
    ['ALTER', 'TABLE', '*', 'DROP', 'IF', 'EXISTS', 'PARTITION'],
    ['SHOW', 'PARTITIONS'],
    ['SHOW', 'CREATE', 'TABLE'],
    ['CREATE', 'EXTERNAL', 'TABLE'],
    ['DESCRIBE']
];
function isHiveDdl(tokens) {
    const words = tokens.map((token) => (token.text ?? '').toUpperCase());
    return HIVE_DDL.some((pattern) => {
        let at = 0;
        for (const [i, word] of pattern.entries()) {
            if (word === '*') {
                const next = pattern[i + 1];
                // The name: at least one token, up to the next word of the pattern.
                const found = next === undefined ? -1 : words.indexOf(next, at + 1);
                if (found < 0)
                    return false;
                at = found;
            }
            else if (words[at] === word)
                at += 1;
            else
                return false;
        }
        return true;
    });
}
/**
 * The query of `UNLOAD (<query>) TO 's3://...' [WITH (property = value, ...)]`: its tokens, or a
 * syntax problem when the statement is an UNLOAD of another shape; undefined for other statements.
 */
function unloadQuery(tokens) {
    if (tokens[0]?.text?.toUpperCase() !== 'UNLOAD')
        return undefined;
    const problem = (at, message) => {
        const token = at ?? tokens.at(-1) ?? tokens[0];
        return { ...positionOfToken(token), message };
    };
    if (tokens[1]?.text !== '(')
        return problem(tokens[1], 'UNLOAD takes its query in parentheses: UNLOAD (SELECT ...) TO ...');
    const close = matchingParenthesis(tokens, 1);
    if (close === undefined)
        return problem(tokens[1], "the query of UNLOAD has no closing ')'");
    const query = tokens.slice(2, close);
    if (query.length === 0)
        return problem(tokens[close], 'UNLOAD has no query between its parentheses');
    let at = close + 1;
    if (tokens[at]?.text?.toUpperCase() !== 'TO')
        return problem(tokens[at], "UNLOAD needs TO 's3://...' after its query");
    at += 1;
    const location = tokens[at];
    if (location?.type !== TrinoSqlLexer/* TrinoSqlLexer */.t.STRING)
        return problem(location, "UNLOAD writes TO an S3 location in a string: TO 's3://...'");
    at += 1;
    if (tokens[at]?.text?.toUpperCase() === 'WITH') {
        at += 1;
        if (tokens[at]?.text !== '(')
            return problem(tokens[at], "UNLOAD's WITH takes its properties in parentheses: WITH (format = 'PARQUET')");
        const end = matchingParenthesis(tokens, at);
        if (end === undefined)
            return problem(tokens[at], "UNLOAD's WITH has no closing ')'");
        at = end + 1;
    }
    if (at < tokens.length)
        return problem(tokens[at], `'${tokens[at]?.text ?? ''}' is not valid at this position`);
    return { tokens: query };
}
/** Index of the `)` that closes the `(` at `open`. */
function matchingParenthesis(tokens, open) {
    let depth = 0;
    for (let i = open; i < tokens.length; i += 1) {
        const text = tokens[i]?.text;
        if (text === '(')
            depth += 1;
        else if (text === ')') {
            depth -= 1;
            if (depth === 0)
                return i;
        }
    }
    return undefined;
}
function positionOfToken(token) {
    return { line: token.line, column: token.column + 1 };
}
/** Athena's DML takes no `backquoted` names (only its DDL does): the first one is a syntax error. */
function backquotedIn(tokens) {
    const token = tokens.find((candidate) => candidate.type === TrinoSqlLexer/* TrinoSqlLexer */.t.BACKQUOTED_IDENTIFIER);
    if (!token)
        return undefined;
    return {
        ...positionOfToken(token),
        message: `backquoted identifiers are not supported; use double quotes: ${doubleQuoted(token.text ?? '')}`
    };
}
/** Maps a code point offset in `text` to its UTF-16 offset. */
function utf16Offsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text))
        return (offset) => offset;
    const units = [];
    let unit = 0;
    for (const character of text) {
        units.push(unit);
        unit += character.length;
    }
    units.push(unit);
    return (offset) => units[Math.min(offset, units.length - 1)] ?? unit;
}
/** `` `a``b` `` as `"a`b"`. */
function doubleQuoted(backquoted) {
    const name = backquoted.slice(1, -1).replaceAll('``', '`');
    return `"${name.replaceAll('"', '""')}"`;
}

;// CONCATENATED MODULE: ./src/queries/check.ts
/**
 * Checks one SQL file: syntax first, then the rules on every query block of each statement that
 * parsed. Pure and synchronous; command.ts does the I/O and the reporting. Statements are parsed
 * and checked one at a time (no tree outlives its statement) within the limits of limits.ts.
 */








const BLOCK_RULES = [checkPartitionFilter, checkPartitionLiterals, checkUnknownColumns];
function checkSql(sql, input, limits = queries_limits/* DEFAULT_QUERY_LIMITS */.il) {
    const settings = withDatabaseSplit(input);
    const problems = [];
    const statements = [];
    const table = { table: settings.table, database: settings.database };
    const context = { settings, sql };
    warmUpParser();
    const deadline = performance.now() + limits.fileTimeBudgetMs;
    const sources = sqlStatements(sql);
    let seen = 0;
    for (const source of sources) {
        seen += 1;
        if (seen > limits.maxStatementsPerFile) {
            // Counting the rest is one cheap pass of the splitter.
            let total = seen;
            for (const _ of sources)
                total += 1;
            problems.push((0,queries_limits/* tooManyStatements */.KW)(source, total, limits.maxStatementsPerFile));
            break;
        }
        if (performance.now() >= deadline) {
            problems.push((0,queries_limits/* outOfTime */.p3)(source, limits.fileTimeBudgetMs));
            break;
        }
        if (source.depth > queries_limits/* MAX_NESTING */.M1) {
            problems.push((0,queries_limits/* nestedTooDeep */.qF)(source, source.depth));
            continue;
        }
        try {
            const outcome = parseStatement(source, deadline);
            if (outcome.kind === 'syntax-error')
                problems.push({ rule: 'syntax', ...outcome.problem });
            if (outcome.kind !== 'parsed')
                continue;
            const { tree, ...statement } = outcome.statement;
            const found = [];
            const blocks = collectBlocks(tree, table);
            for (const block of blocks) {
                for (const rule of BLOCK_RULES) {
                    if (performance.now() >= deadline)
                        throw new ParseDeadlineExceeded();
                    found.push(...rule(block, context));
                }
            }
            problems.push(...found);
            const keys = settings.partitionKeys;
            statements.push(keys ? { ...statement, scans: scansOf(blocks, keys) } : statement);
        }
        catch (error) {
            if (error instanceof ParseDeadlineExceeded) {
                problems.push((0,queries_limits/* outOfTime */.p3)(source, limits.fileTimeBudgetMs));
                break;
            }
            // Deep nesting the depth count does not see (a chain of NOT or of unary minus, nested CASE).
            if (error instanceof RangeError) {
                problems.push((0,queries_limits/* outOfStack */.cg)(source));
                continue;
            }
            throw error;
        }
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    return { problems, statements };
}
/** `table: security.cloudtrail` is read as database `security`, table `cloudtrail`. */
function withDatabaseSplit(settings) {
    const { database, table } = (0,table_ref/* splitQualifiedTable */.oN)(settings.table);
    return database ? { ...settings, database, table } : settings;
}

;// CONCATENATED MODULE: ./src/queries/pr-comment.ts
/**
 * Who a GITHUB_TOKEN comments as. An installation token (GITHUB_TOKEN, or a GitHub App's) cannot
 * read `GET /user`: an App's token learns its bot's login from GraphQL's `viewer`; this is the
 * author when neither answers.
 */
const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]';
const VIEWER_QUERY = 'query { viewer { login } }';
const pr_comment_PAGE_SIZE = 100;
async function upsertComment(target, marker, body, logger) {
    const { octokit, owner, repo, number } = target;
    try {
        const author = await ownLogin(target.octokit);
        const existing = await findComment(target, marker, author);
        if (existing) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            logger.info(`Updated the report comment on pull request #${number}`);
            return 'updated';
        }
        await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        logger.info(`Posted the report on pull request #${number}`);
        return 'created';
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 403) {
            // Read-only tokens (forks, or no `pull-requests: write`) cannot comment; the check still counts.
            logger.warning(`Could not comment on pull request #${number} (HTTP 403): give the job \`permissions: pull-requests: write\`; ` +
                'the report is in the job summary.');
            return 'no-permission';
        }
        // Retried already (5xx, rate limits): GitHub is having trouble. The check itself stands.
        logger.warning(`Could not comment on pull request #${number} (${status ? `HTTP ${status}: ` : ''}${error.message}); ` +
            'the report is in the job summary.');
        return 'failed';
    }
}
/**
 * The token's own login: `GET /user` for a person's token; GraphQL's `viewer` for a GitHub App's
 * installation token (`<app>[bot]`); else github-actions[bot], the GITHUB_TOKEN's.
 */
async function ownLogin(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch {
        // An installation token: 403 "Resource not accessible by integration".
    }
    try {
        const answer = (await octokit.graphql?.(VIEWER_QUERY));
        const login = answer?.viewer?.login;
        if (typeof login === 'string' && login !== '')
            return login;
    }
    catch {
        // The GITHUB_TOKEN may be refused here too.
    }
    return DEFAULT_COMMENT_AUTHOR;
}
async function findComment(target, marker, author) {
    const { octokit, owner, repo, number } = target;
    for (let page = 1;; page++) {
        const { data } = await octokit.rest.issues.listComments({
            owner,
            repo,
            issue_number: number,
            per_page: pr_comment_PAGE_SIZE,
            page
        });
        // Ours only: a lookalike holding the marker, written by someone else, is not the report.
        const found = data.find((comment) => comment.user?.login === author && (comment.body ?? '').startsWith(marker));
        if (found || data.length < pr_comment_PAGE_SIZE)
            return found;
    }
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}

// EXTERNAL MODULE: ./src/vocabulary/concurrency.ts
var concurrency = __webpack_require__(3631);
;// CONCATENATED MODULE: ./src/queries/explain-phase.ts
/**
 * The EXPLAIN phase of a check: every statement that parsed is asked of Athena once, a few at a
 * time, within a count and a wall-clock budget (DESIGN.md section 12). A statement met again (same
 * text: the table and workgroup are the run's) shares the first one's answer. What the count or the
 * budget leaves out gets one `limit` finding per file; an EXPLAIN never waits past the budget.
 */


/**
 * The statements to explain, gathered file by file. Only the first `maxExplains` distinct texts are
 * kept; the rest are only counted, so memory stays bounded whatever the files hold.
 */
class ExplainPlan {
    maxExplains;
    requests = new Map();
    leftOut = new Map();
    statements = 0;
    constructor(maxExplains) {
        this.maxExplains = maxExplains;
    }
    add(file, statement) {
        this.statements += 1;
        const asker = { file, line: statement.line, column: statement.column };
        const known = this.requests.get(statement.text);
        if (known)
            known.askers.push(asker);
        else if (this.requests.size < this.maxExplains) {
            // A copy: a slice would keep the whole file's text alive as long as the plan.
            this.requests.set(statement.text, { sql: copyOf(statement.text), askers: [asker] });
        }
        else
            this.leave(asker, 'count');
    }
    /** Runs the plan: `limits.explainConcurrency` at a time, until done or `limits.explainBudgetMs` is spent. */
    async run(explain, limits, logger) {
        const started = performance.now();
        const deadline = started + limits.explainBudgetMs;
        // No request is started that could not finish: an EXPLAIN takes about a second.
        const lastStart = deadline - Math.min(1000, limits.explainBudgetMs / 10);
        const problems = new Map();
        const add = (file, problem) => {
            problems.set(file, [...(problems.get(file) ?? []), problem]);
        };
        let sent = 0;
        await (0,concurrency/* forEachConcurrent */.C)(this.requests.values(), limits.explainConcurrency, async (request) => {
            if (performance.now() >= lastStart) {
                for (const asker of request.askers)
                    this.leave(asker, 'time');
                return;
            }
            sent += 1;
            const outcome = await explain(request.sql, deadline);
            if (outcome.kind === 'passed')
                return;
            if (outcome.kind === 'unfinished' && outcome.byDeadline) {
                // Cut off by the budget: not an answer about the query, so the statement counts as left out.
                if (outcome.stopFailure)
                    logger.warning(`An EXPLAIN cut off by the time budget: ${outcome.stopFailure}`);
                for (const asker of request.askers)
                    this.leave(asker, 'time');
                return;
            }
            for (const asker of request.askers) {
                add(asker.file, {
                    rule: 'athena-explain',
                    line: asker.line,
                    column: asker.column,
                    message: explain_phase_inFile(outcome.message, asker)
                });
            }
        });
        let leftOut = 0;
        for (const [file, left] of this.leftOut) {
            leftOut += left.count;
            add(file, (0,queries_limits/* notExplained */.yK)(left, left.count, {
                ...(left.byCount ? { maxExplains: limits.maxExplains } : {}),
                ...(left.byTime ? { budgetMs: limits.explainBudgetMs } : {})
            }));
        }
        const distinct = [...this.requests.values()].reduce((sum, request) => sum + request.askers.length, 0);
        return {
            problems,
            stats: {
                statements: this.statements,
                requests: sent,
                reused: distinct - this.requests.size,
                leftOut,
                leftOutFiles: this.leftOut.size,
                elapsedMs: performance.now() - started
            }
        };
    }
    leave(asker, why) {
        const left = this.leftOut.get(asker.file);
        if (!left) {
            this.leftOut.set(asker.file, {
                line: asker.line,
                column: asker.column,
                count: 1,
                byCount: why === 'count',
                byTime: why === 'time'
            });
            return;
        }
        left.count += 1;
        if (asker.line < left.line || (asker.line === left.line && asker.column < left.column)) {
            left.line = asker.line;
            left.column = asker.column;
        }
        if (why === 'count')
            left.byCount = true;
        else
            left.byTime = true;
    }
}
/**
 * Athena's `line L:C` counts in the statement's text; moved by where the statement starts, it
 * points into the file.
 */
function explain_phase_inFile(message, start) {
    return message.replace(/\bline (\d+):(\d+)/g, (_all, line, column) => {
        const l = Number(line);
        const c = Number(column) + (l === 1 ? start.column - 1 : 0);
        return `line ${l + start.line - 1}:${c}`;
    });
}
function copyOf(text) {
    return Buffer.from(text, 'utf8').toString('utf8');
}

// EXTERNAL MODULE: ./src/vocabulary/format.ts
var format = __webpack_require__(3057);
;// CONCATENATED MODULE: ./src/queries/estimate-phase.ts
/**
 * The partition estimate of a check: for each statement, the partitions each of its scans of the
 * table selects, counted through Glue (partition-count.ts). A scan over Athena's 1,000,000 is a
 * `partition-limit` finding; a query over `max-query-partitions` a `partition-count` one.
 */





/** Statements estimated per run at most; the rest are counted as not estimated. */
const MAX_ESTIMATED_STATEMENTS = 5_000;
/**
 * A scan whose condition holds more terms than this (ORs of ORs written out) is not estimated:
 * each partition of a small table is tested against every term.
 */
const MAX_TERMS_PER_SCAN = 256;
/** Statements counted at a time (each count reads up to 10 Glue segments at once). */
const CONCURRENCY = 2;
class EstimatePlan {
    planned = [];
    notEstimated = 0;
    add(file, statement) {
        if (!statement.scans || statement.scans.length === 0)
            return;
        const tooComplex = statement.scans.some((scan) => sizeOf(scan.terms) > MAX_TERMS_PER_SCAN);
        if (tooComplex || this.planned.length >= MAX_ESTIMATED_STATEMENTS)
            this.notEstimated += 1;
        else
            this.planned.push({ file, line: statement.line, column: statement.column, scans: statement.scans });
    }
    get size() {
        return this.planned.length;
    }
    async run(count, settings, logger) {
        const started = performance.now();
        const problems = new Map();
        const add = (file, problem) => {
            problems.set(file, [...(problems.get(file) ?? []), problem]);
        };
        const queries = [];
        const refusals = new Set();
        let notEstimated = this.notEstimated;
        await (0,concurrency/* forEachConcurrent */.C)(this.planned, CONCURRENCY, async (query) => {
            let partitions = 0;
            let over = false;
            let exact = true;
            const counts = [];
            try {
                for (const scan of query.scans)
                    counts.push(await count(scan.terms));
            }
            catch (error) {
                // An estimate is extra: a refused or exhausted count leaves this query unestimated, the check goes on.
                const why = error instanceof Error
                    ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`
                    : String(error);
                if (!refusals.has(why))
                    logger.warning(`Could not estimate the partitions a query reads: ${why}`);
                refusals.add(why);
                notEstimated += 1;
                return;
            }
            for (const [i, scan] of query.scans.entries()) {
                const counted = counts[i];
                const scanExact = counted.exact && scan.exact;
                partitions += counted.count;
                over ||= counted.over;
                exact &&= scanExact;
                if (counted.over || counted.count > ATHENA_MAX_PARTITIONS_PER_SCAN) {
                    add(query.file, overAthenaLimit(scan, counted, scanExact, settings.table));
                }
            }
            queries.push({ file: query.file, line: query.line, column: query.column, partitions, over, exact });
            if (!over && exact && partitions > settings.warnAbove) {
                add(query.file, {
                    rule: 'partition-count',
                    line: query.line,
                    column: query.column,
                    message: `this query reads about ${(0,format/* formatCount */.B)(partitions)} partitions of ${settings.table}, more than the ` +
                        `${(0,format/* formatCount */.B)(settings.warnAbove)} of input '${constants/* Inputs */.G0.MaxQueryPartitions}': narrow its condition on ` +
                        'the partition keys, or raise the input'
                });
            }
        });
        const order = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
        return {
            problems,
            queries: queries.sort(order),
            notEstimated,
            elapsedMs: performance.now() - started
        };
    }
}
/** How an estimate reads: "about 4,500", "more than 1,000,000", "at most 12,000". */
function describeEstimate(query) {
    if (query.over)
        return `more than ${(0,format/* formatCount */.B)(ATHENA_MAX_PARTITIONS_PER_SCAN)}`;
    return `${query.exact ? 'about' : 'at most'} ${(0,format/* formatCount */.B)(query.partitions)}`;
}
function overAthenaLimit(scan, counted, exact, table) {
    const selects = counted.over
        ? `more than ${(0,format/* formatCount */.B)(ATHENA_MAX_PARTITIONS_PER_SCAN)}`
        : `about ${(0,format/* formatCount */.B)(counted.count)}`;
    const athena = 'Athena cannot read more than 1 million partitions in a single scan';
    if (!exact) {
        // An upper bound: a condition the estimate could not count may narrow it. Worth a look, not a failure.
        return {
            rule: 'partition-count',
            line: scan.line,
            column: scan.column,
            message: `this scan of ${table} may select up to ${selects.replace(/^about /, '')} partitions (a condition on a ` +
                `partition key could not be counted, so this is an upper bound); "${athena}"`
        };
    }
    return {
        rule: 'partition-limit',
        line: scan.line,
        column: scan.column,
        message: `this scan of ${table} selects ${selects} partitions, and "${athena}": the query would fail when it runs. ` +
            'Narrow its condition on the partition keys (a shorter range of days, or an account or region)'
    };
}

// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
;// CONCATENATED MODULE: ./src/report/query-check.ts
/**
 * The check's report in Markdown, for the job summary and the pull-request comment: a count, a
 * table of files, then every finding by file. File names and messages come from the pull request:
 * they go in as text or code of the report document and are escaped there, never written raw.
 */




/** Hidden in the comment so later runs find and update it instead of adding another. */
const COMMENT_MARKER = '<!-- cloudtrail-partitions:check-queries -->';
/** GitHub refuses longer comment bodies with HTTP 422 (limits.md). */
const COMMENT_MAX_CHARACTERS = 65_536;
/** GitHub drops a step summary above 1 MiB entirely (limits.md); stay well under it. */
const SUMMARY_MAX_CHARACTERS = 512 * 1024;
/** Queries listed in the estimate's table, largest first; the rest are counted. */
const ESTIMATES_LISTED = 100;
/** Clean files named in the one line that folds them; the rest are counted. */
const CLEAN_FILES_NAMED = 20;
function renderReport(input) {
    const errors = input.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = input.findings.length - errors;
    const blocks = [
        { kind: 'heading', level: 2, line: 'Athena query check' },
        {
            kind: 'paragraph',
            line: [
                (0,report_document/* raw */.lS)(`${plural(input.checkedCount ?? input.files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`)
            ]
        }
    ];
    if (input.explain)
        blocks.push({ kind: 'paragraph', line: [(0,report_document/* raw */.lS)(explainLine(input.explain))] });
    if (input.estimate)
        blocks.push(...estimateBlocks(input.estimate, input.links));
    if (input.files.length === 0)
        return (0,report_document/* renderMarkdown */.Gc)(blocks);
    const byFile = new Map(input.files.map((file) => [file, []]));
    for (const finding of input.findings)
        byFile.get(finding.file)?.push(finding);
    // Findings first, file by file; the files without any fold into one line after them.
    const clean = [];
    for (const file of input.files) {
        const ofFile = [...(byFile.get(file) ?? [])].sort(byPosition);
        if (ofFile.length === 0) {
            clean.push(file);
            continue;
        }
        const fileErrors = ofFile.filter((finding) => finding.severity === 'error').length;
        const counts = [
            ...(fileErrors ? [plural(fileErrors, 'error')] : []),
            ...(ofFile.length - fileErrors ? [plural(ofFile.length - fileErrors, 'warning')] : [])
        ].join(', ');
        blocks.push({ kind: 'heading', level: 3, line: [(0,report_document/* code */.aY)(file), (0,report_document/* raw */.lS)(`: ${counts}`)] }, {
            kind: 'list',
            items: ofFile.map((finding) => {
                const where = `line ${finding.line}, column ${finding.column}`;
                return [
                    (0,report_document/* raw */.lS)(`**${finding.severity}** `, `${finding.severity} `),
                    input.links ? (0,report_document/* raw */.lS)(`[${where}](${lineUrl(input.links, file, finding.line)})`, where) : (0,report_document/* raw */.lS)(where),
                    (0,report_document/* raw */.lS)(' ('),
                    (0,report_document/* code */.aY)(finding.rule),
                    (0,report_document/* raw */.lS)('): '),
                    // Messages quote the SQL (identifiers, literals, Athena's answer): text, never Markdown.
                    (0,report_document/* text */.Qq)(finding.message)
                ];
            })
        });
    }
    if (clean.length > 0) {
        const named = clean.slice(0, CLEAN_FILES_NAMED);
        const line = [
            (0,report_document/* raw */.lS)(`**No findings** in ${plural(clean.length, 'file')}: `, `No findings in ${plural(clean.length, 'file')}: `)
        ];
        named.forEach((file, i) => line.push(...(i === 0 ? [] : [(0,report_document/* raw */.lS)(', ')]), (0,report_document/* code */.aY)(file)));
        if (clean.length > named.length)
            line.push((0,report_document/* raw */.lS)(`, and ${clean.length - named.length} more`));
        line.push((0,report_document/* raw */.lS)('.'));
        blocks.push({ kind: 'paragraph', line });
    }
    return (0,report_document/* renderMarkdown */.Gc)(blocks);
}
/**
 * The link to a line of a file in the pull request's head commit. Every path segment is
 * percent-encoded (parentheses too): a file name cannot end the link or make another.
 */
function lineUrl(links, path, line) {
    const encode = (part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const file = path.replace(/^\.\//, '').split('/').map(encode).join('/');
    const base = links.serverUrl.replace(/\/+$/, '');
    return `${base}/${encode(links.owner)}/${encode(links.repo)}/blob/${encode(links.sha)}/${file}#L${line}`;
}
/** One line, and the queries with their estimates in a collapsed table. */
function estimateBlocks(estimate, links) {
    if ('unavailable' in estimate) {
        return [
            { kind: 'paragraph', line: [(0,report_document/* raw */.lS)('Partitions read: not estimated; '), (0,report_document/* text */.Qq)(estimate.unavailable)] }
        ];
    }
    const { queries } = estimate;
    if (queries.length === 0 && estimate.notEstimated === 0)
        return [];
    const largest = [...queries].sort((a, b) => Number(b.over) - Number(a.over) || b.partitions - a.partitions || a.file.localeCompare(b.file));
    const top = largest[0];
    const line = [
        (0,report_document/* raw */.lS)(`Partitions read: ${(0,format/* formatCount */.B)(queries.length)} ${queries.length === 1 ? 'query' : 'queries'} estimated`)
    ];
    if (top)
        line.push((0,report_document/* raw */.lS)(`; the largest reads ${describeEstimate(top)} partitions (`), (0,report_document/* code */.aY)(top.file), (0,report_document/* raw */.lS)(` line ${top.line})`));
    if (estimate.notEstimated)
        line.push((0,report_document/* raw */.lS)(`; ${(0,format/* formatCount */.B)(estimate.notEstimated)} not estimated (the log says why)`));
    line.push((0,report_document/* raw */.lS)('.'));
    const listed = largest.slice(0, ESTIMATES_LISTED);
    const rows = listed.map((query) => [
        [(0,report_document/* code */.aY)(query.file)],
        [
            links
                ? (0,report_document/* raw */.lS)(`[${query.line}](${lineUrl(links, query.file, query.line)})`, String(query.line))
                : (0,report_document/* raw */.lS)(String(query.line))
        ],
        [(0,report_document/* raw */.lS)(`reads ${describeEstimate(query)} partitions`)]
    ]);
    const more = largest.length - listed.length;
    return [
        { kind: 'paragraph', line },
        {
            kind: 'details',
            summary: `Partitions each query reads${more ? ` (the ${ESTIMATES_LISTED} largest of ${(0,format/* formatCount */.B)(largest.length)})` : ''}`,
            blocks: [{ kind: 'table', header: ['File', 'Line', 'Estimate'], align: ['l', 'r', 'l'], rows }]
        }
    ];
}
function explainLine(stats) {
    const seconds = (stats.elapsedMs / 1000).toFixed(1);
    const repeated = stats.reused ? ` (${(0,format/* formatCount */.B)(stats.reused)} repeated statements asked once)` : '';
    const left = stats.leftOut
        ? `; ${(0,format/* formatCount */.B)(stats.leftOut)} not asked (limits), in ${plural(stats.leftOutFiles, 'file')}`
        : '';
    return `Athena EXPLAIN: ${(0,format/* formatCount */.B)(stats.requests)} requests for ${plural(stats.statements, 'statement')}${repeated} in ${seconds} s${left}.`;
}
/** The comment body: the marker, then the report cut to GitHub's limit with a note when needed. */
function renderComment(report, maxCharacters = COMMENT_MAX_CHARACTERS) {
    return truncate(`${COMMENT_MARKER}\n${report}`, maxCharacters, 'the full report is in the job summary of this run');
}
/** Cuts `markdown` at a line break so that it and the note fit in `maxCharacters`. */
function truncate(markdown, maxCharacters, where) {
    if (markdown.length <= maxCharacters)
        return markdown;
    const note = `\n\n_Report truncated: ${where}._\n`;
    const room = markdown.slice(0, maxCharacters - note.length);
    const cut = room.lastIndexOf('\n');
    return (cut > 0 ? room.slice(0, cut) : room) + note;
}
function byPosition(a, b) {
    return a.line - b.line || a.column - b.column || compareFindings(a, b);
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/run/check-queries.ts
/**
 * The `check-queries` command: checks the team's Athena SQL files, annotates the most important
 * findings, writes the report for the job summary and, on a pull request, keeps one comment with
 * it up to date. Needs no AWS credentials unless an EXPLAIN step is given.
 */









async function runCheckQueries(options, deps) {
    const { logger } = deps;
    const limits = { ...queries_limits/* DEFAULT_QUERY_LIMITS */.il, ...options.limits };
    const findings = [];
    // Files are sorted: the first ones are checked, the rest get one finding on the first of them.
    const checked = options.files.slice(0, limits.maxFiles);
    const firstSkipped = options.files[limits.maxFiles];
    const explaining = deps.explain && options.severities['athena-explain'] !== 'off' ? deps.explain : undefined;
    const plan = new ExplainPlan(limits.maxExplains);
    const estimating = options.severities['partition-limit'] !== 'off' || options.severities['partition-count'] !== 'off'
        ? deps.countPartitions
        : undefined;
    const estimates = new EstimatePlan();
    const problemsOf = new Map();
    await logger.group(`Checking ${checked.length} SQL files`, async () => {
        for (const file of checked) {
            const { problems, statements } = await checkFile(file, options, limits, deps);
            problemsOf.set(file, problems);
            for (const statement of statements) {
                if (explaining && statement.explainable)
                    plan.add(file, statement);
                if (estimating)
                    estimates.add(file, statement);
            }
            if (!explaining && !estimating)
                logFile(file, withSeverities(problems, file, options.severities), logger);
        }
    });
    let explainStats;
    if (explaining) {
        const phase = await logger.group('Asking Athena to EXPLAIN each statement', async () => {
            const result = await plan.run(explaining, limits, logger);
            const { stats } = result;
            logger.info(`${stats.requests} EXPLAIN request(s) for ${stats.statements} statement(s) (${stats.reused} repeated) ` +
                `in ${(stats.elapsedMs / 1000).toFixed(1)} s` +
                (stats.leftOut ? `; ${stats.leftOut} not explained (limits), in ${stats.leftOutFiles} file(s)` : ''));
            return result;
        });
        explainStats = phase.stats;
        for (const file of checked) {
            problemsOf.set(file, [...(problemsOf.get(file) ?? []), ...(phase.problems.get(file) ?? [])]);
        }
    }
    let estimate = deps.estimateUnavailable
        ? { unavailable: deps.estimateUnavailable }
        : undefined;
    if (estimating) {
        const result = await logger.group('Estimating the partitions each query reads', async () => {
            const counted = await estimates.run(estimating, {
                table: options.table,
                warnAbove: limits.maxQueryPartitions
            }, logger);
            logger.info(`${counted.queries.length} query(ies) estimated in ${(counted.elapsedMs / 1000).toFixed(1)} s` +
                (counted.notEstimated ? `; ${counted.notEstimated} not estimated` : ''));
            return counted;
        });
        estimate = { queries: result.queries, notEstimated: result.notEstimated, elapsedMs: result.elapsedMs };
        for (const file of checked) {
            problemsOf.set(file, [...(problemsOf.get(file) ?? []), ...(result.problems.get(file) ?? [])]);
        }
    }
    if (explaining || estimating) {
        for (const file of checked) {
            logFile(file, withSeverities(problemsOf.get(file) ?? [], file, options.severities), logger);
        }
    }
    for (const file of checked)
        findings.push(...withSeverities(problemsOf.get(file) ?? [], file, options.severities));
    if (firstSkipped !== undefined) {
        const skipped = options.files.length - checked.length;
        findings.push(...withSeverities([(0,queries_limits/* tooManyFiles */.Z)(skipped, limits.maxFiles)], firstSkipped, options.severities));
        logger.warning(`${skipped} SQL file(s) beyond the limit of ${limits.maxFiles} were not checked.`);
    }
    for (const { finding, kind } of selectAnnotations(findings))
        deps.annotate(finding, kind);
    const reported = firstSkipped === undefined ? checked : [...checked, firstSkipped];
    const report = renderReport({
        files: reported,
        findings,
        checkedCount: checked.length,
        ...(explainStats ? { explain: explainStats } : {}),
        ...(deps.links ? { links: deps.links } : {}),
        ...(estimate ? { estimate } : {})
    });
    const summaryMarkdown = truncate(report, SUMMARY_MAX_CHARACTERS, 'the findings are annotated in the log of this step');
    await deps.writeSummary?.(summaryMarkdown);
    const comment = deps.pullRequest
        ? await upsertComment(deps.pullRequest, COMMENT_MARKER, renderComment(report), logger)
        : 'skipped';
    const errorCount = findings.filter((finding) => finding.severity === 'error').length;
    return {
        findings,
        errorCount,
        warningCount: findings.length - errorCount,
        filesChecked: checked.length,
        summaryMarkdown,
        comment,
        ...(explainStats ? { explain: explainStats } : {})
    };
}
function logFile(file, findings, logger) {
    logger.info(`${(0,vocabulary_escape/* logQuoted */.RQ)(file)}: ${findings.length === 0 ? 'no findings' : `${findings.length} findings`}`);
}
async function checkFile(file, options, limits, deps) {
    let sql;
    try {
        sql = await deps.readFile(file, limits.maxFileBytes);
    }
    catch (error) {
        // A link or a file outside the workspace is reported, never read; the run goes on.
        if (!(error instanceof errors/* RefusedFileError */.pc))
            throw error;
        return {
            problems: [{ rule: 'not-a-regular-file', line: 1, column: 1, message: error.message }],
            statements: []
        };
    }
    if (typeof sql !== 'string')
        return { problems: [(0,queries_limits/* fileTooLarge */.ME)(sql.bytes, limits.maxFileBytes)], statements: [] };
    // Whatever the reader did: the text is in memory already, its size is cheap to know.
    const bytes = Buffer.byteLength(sql);
    if (bytes > limits.maxFileBytes)
        return { problems: [(0,queries_limits/* fileTooLarge */.ME)(bytes, limits.maxFileBytes)], statements: [] };
    return checkSql(sql, options, limits);
}
function withSeverities(problems, file, severities) {
    const findings = [];
    for (const problem of problems) {
        const severity = severities[problem.rule];
        if (severity !== 'off')
            findings.push({ ...problem, severity, file });
    }
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

// EXTERNAL MODULE: ./src/cli/aws.ts
var cli_aws = __webpack_require__(8755);
// EXTERNAL MODULE: ./src/cli/context.ts
var cli_context = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/cli/finding-line.ts

/** The file name and message are escaped: neither can drive the terminal or start a line. */
function findingLine(finding) {
    const where = `${(0,vocabulary_escape/* logText */.kc)(finding.file)}:${finding.line}:${finding.column}`;
    const severity = finding.severity === 'warning' ? 'warning: ' : '';
    return `${where}  ${finding.rule}  ${severity}${(0,vocabulary_escape/* logText */.kc)(finding.message)}`;
}

;// CONCATENATED MODULE: ./src/cli/sarif.ts

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const RULE_DESCRIPTIONS = {
    syntax: 'The file is not valid Athena (Trino) SQL.',
    'not-a-regular-file': 'The path is a symbolic link, not a regular file, or outside the workspace: it was not read.',
    limit: 'The file is over a limit of the check (size, statements, nesting, time or file count): it was not checked through.',
    'athena-explain': 'Athena refused the query when asked to EXPLAIN it.',
    'partition-limit': 'A scan of the table selects more than 1,000,000 partitions: Athena cannot read more in a single scan.',
    'partition-count': 'A query reads more partitions than the input max-query-partitions allows without a warning.',
    'partition-filter': 'A query of the CloudTrail table does not constrain every date partition column, so it scans the whole bucket.',
    'partition-literal': "A partition column is compared with a literal of the wrong form for the table's key type.",
    'unknown-column': 'The query names a column the CloudTrail table does not have.'
};
function sarifLog(findings, version) {
    const rules = RULE_IDS.map((id) => ({
        id,
        name: id.replace(/(^|-)([a-z])/g, (_all, _dash, letter) => letter.toUpperCase()),
        shortDescription: { text: RULE_DESCRIPTIONS[id] }
    }));
    const results = findings.map((finding) => ({
        ruleId: finding.rule,
        ruleIndex: RULE_IDS.indexOf(finding.rule),
        level: finding.severity,
        message: { text: finding.message },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: encodeUri(finding.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: finding.line, startColumn: finding.column }
                }
            }
        ]
    }));
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'cloudtrail-partitions', version, rules } },
                results
            }
        ]
    };
}
/** A relative path as a URI reference: each segment percent-encoded, the slashes kept. */
function encodeUri(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}

;// CONCATENATED MODULE: ./src/cli/check-queries.ts
/**
 * `cloudtrail-partitions check-queries [GLOB...]`: the action's SQL check as a linter. Findings
 * print as `file:line:col  rule  message`, the shape editors and pre-commit link to a position;
 * `--format sarif` writes a SARIF 2.1.0 log for GitHub code scanning. Exit 1 when any finding is
 * an error. AWS is used only when asked (--profile, --region/--aws-region or --workgroup): then
 * the table's own key type and columns are read from Glue, and with a workgroup Athena EXPLAINs.
 */









async function checkQueriesCli(context) {
    const { options, stdout, stderr, logger, given } = context;
    const wantsAws = options.profile !== undefined || given.has('aws-region') || given.has('workgroup');
    // Without AWS the check reads no region at all, so that AWS_REGION in a shell does not turn it on.
    let env = {};
    if (wantsAws) {
        const region = given.get('aws-region') || (await (0,cli_aws/* configuredRegion */.Rg)(options.profile));
        env = region ? { AWS_REGION: region } : {};
        if (!region)
            logger.warning('No AWS region (--region, AWS_REGION or the profile): checking without AWS.');
    }
    const settings = (0,inputs/* readCheckSettings */.uF)(context.read, env);
    let aws;
    if (settings.awsRegion) {
        const credentials = (0,cli_aws/* chainCredentials */.a)(options.profile, context.env);
        await (0,cli_aws/* resolveCredentials */.z8)(credentials);
        aws = { clients: (0,clients/* createClients */.hP)(settings.awsRegion, credentials) };
    }
    const checkOptions = await checkOptionsFor(settings, aws, logger);
    const result = await runCheckQueries(checkOptions, {
        // As in the action: the size is read first, and a file over max-file-bytes is never read.
        readFile: (path, maxBytes) => (0,queries_files/* readQueryFileUpTo */.zh)(path, maxBytes),
        logger,
        // Every finding is printed below: nothing to single out.
        annotate: () => undefined,
        ...explainDep(settings, aws),
        ...estimateDep(settings, aws, checkOptions, logger)
    });
    switch (options.format) {
        case 'sarif':
            stdout.write(JSON.stringify(sarifLog(result.findings, context.version), null, 2) + '\n');
            break;
        case 'json':
            stdout.write(JSON.stringify({
                filesChecked: result.filesChecked,
                errorCount: result.errorCount,
                warningCount: result.warningCount,
                findings: result.findings
            }, null, 2) + '\n');
            break;
        case 'markdown':
            stdout.write(result.summaryMarkdown.endsWith('\n') ? result.summaryMarkdown : `${result.summaryMarkdown}\n`);
            break;
        default:
            for (const finding of result.findings)
                stdout.write(`${findingLine(finding)}\n`);
    }
    stderr.write(`${result.filesChecked} file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)\n`);
    return result.errorCount > 0 ? cli_context/* ExitCode */.y.Failed : cli_context/* ExitCode */.y.Done;
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


/***/ })

};
