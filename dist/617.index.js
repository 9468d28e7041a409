export const id = 617;
export const ids = [617];
export const modules = {

/***/ 8617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  syncCommand: () => (/* binding */ syncCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/clients.ts + 1 modules
var aws_clients = __webpack_require__(959);
// EXTERNAL MODULE: ./src/aws/credentials.ts
var aws_credentials = __webpack_require__(6963);
// EXTERNAL MODULE: ./src/vocabulary/constants.ts
var constants = __webpack_require__(209);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/report/document.ts
var report_document = __webpack_require__(8101);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-glue/dist-cjs/index.js
var dist_cjs = __webpack_require__(6542);
// EXTERNAL MODULE: ./src/aws/retry.ts
var aws_retry = __webpack_require__(2495);
// EXTERNAL MODULE: ./src/vocabulary/concurrency.ts
var vocabulary_concurrency = __webpack_require__(3631);
// EXTERNAL MODULE: ./src/logs/layout.ts
var logs_layout = __webpack_require__(4021);
// EXTERNAL MODULE: ./src/vocabulary/keys.ts
var vocabulary_keys = __webpack_require__(8206);
// EXTERNAL MODULE: ./src/vocabulary/table-ref.ts
var table_ref = __webpack_require__(504);
;// CONCATENATED MODULE: ./src/partitions/apply.ts
/**
 * Applies a plan: BatchCreatePartition in batches of 100 and BatchDeletePartition in batches of 25,
 * a few batches in flight, inputs generated lazily from the plan's ranges. Entries another run
 * already created or dropped count as done; any other failed entry is collected, and a failed call
 * stops new batches so that the report shows exactly what was applied.
 */






/** Glue's most per call (BatchCreatePartition 0..100, BatchDeletePartition 0..25). */
const CREATE_BATCH_SIZE = 100;
const DELETE_BATCH_SIZE = 25;
const MAX_REPORTED_FAILURES = 20;
/** Partitions created and deleted per series id: two numbers a series, in typed arrays. */
class AppliedBySeries {
    created;
    deleted;
    constructor(seriesCount) {
        this.created = new Int32Array(seriesCount);
        this.deleted = new Int32Array(seriesCount);
    }
    get(id) {
        return { created: this.created[id] ?? 0, deleted: this.deleted[id] ?? 0 };
    }
    count(id, field) {
        if (id >= this.created.length)
            this.grow(id + 1);
        this[field][id] = (this[field][id] ?? 0) + 1;
    }
    grow(size) {
        const grow = (array) => {
            const bigger = new Int32Array(Math.max(size, array.length * 2));
            bigger.set(array);
            return bigger;
        };
        this.created = grow(this.created);
        this.deleted = grow(this.deleted);
    }
}
function* chunks(items, size) {
    let batch = [];
    for (const item of items) {
        batch.push(item);
        if (batch.length === size) {
            yield batch;
            batch = [];
        }
    }
    if (batch.length)
        yield batch;
}
/** The plan's days, series by series in the plan's order, generated as the batches need them. */
function* refsOf(plan, pick) {
    for (let position = 0; position < plan.seriesCount; position++) {
        const series = plan.idAt(position);
        const account = plan.index.account(series);
        const region = plan.index.region(series);
        for (const day of pick(plan, series))
            yield { account, region, day, series };
    }
}
function partitionInput(target, ref) {
    return {
        Values: (0,vocabulary_keys/* partitionValues */.RB)(ref, target.dateKeyType),
        StorageDescriptor: { ...target.storageDescriptor, Location: (0,logs_layout/* partitionLocation */.wi)(target.layout, ref) }
    };
}
async function applyPlan(target, plan, logger, followUp) {
    const result = {
        created: 0,
        deleted: 0,
        refreshed: 0,
        alreadyDone: 0,
        failed: 0,
        failures: [],
        bySeries: new AppliedBySeries(plan.index.size),
        skipped: 0
    };
    const tally = (ref, field) => result.bySeries.count(ref.series, field);
    // The caller wraps this in a log group; GitHub does not nest groups, so none here.
    logger.info(`creating ${plan.totals.add} partition(s)`);
    const reportCreated = progressLogger(logger, 'created', plan.totals.add);
    const total = plan.totals.add + plan.totals.remove + (followUp?.planned ?? 0);
    const settled = () => result.created + result.deleted + result.refreshed + result.alreadyDone + result.failed;
    await runBatches(target, result, chunks(refsOf(plan, (p, id) => p.addDays(id)), CREATE_BATCH_SIZE), { operation: 'Glue.BatchCreatePartition', logger }, async (batch) => {
        const response = await target.glue.send(new dist_cjs/* BatchCreatePartitionCommand */.Ezo({
            ...(0,table_ref/* tableParams */.Pn)(target.table),
            PartitionInputList: batch.map((ref) => partitionInput(target, ref))
        }));
        settle(result, batch, response.Errors ?? [], 'AlreadyExistsException', target.dateKeyType, (ref) => {
            result.created += 1;
            tally(ref, 'created');
        });
        reportCreated(result.created + result.alreadyDone + result.failed);
        target.onProgress?.(settled(), total);
    });
    logger.info(`removing ${plan.totals.remove} expired partition(s)`);
    await runBatches(target, result, chunks(refsOf(plan, (p, id) => p.removeDays(id)), DELETE_BATCH_SIZE), { operation: 'Glue.BatchDeletePartition', logger }, async (batch) => {
        const response = await target.glue.send(new dist_cjs/* BatchDeletePartitionCommand */.dpA({
            ...(0,table_ref/* tableParams */.Pn)(target.table),
            PartitionsToDelete: batch.map((ref) => ({ Values: (0,vocabulary_keys/* partitionValues */.RB)(ref, target.dateKeyType) }))
        }));
        settle(result, batch, response.Errors ?? [], 'EntityNotFoundException', target.dateKeyType, (ref) => {
            result.deleted += 1;
            tally(ref, 'deleted');
        });
        target.onProgress?.(settled(), total);
    });
    if (followUp?.planned)
        await followUp.run(result, () => target.onProgress?.(settled(), total));
    result.skipped = Math.max(0, total - settled());
    logger.info(`created ${result.created}, removed ${result.deleted}, ` +
        (followUp?.planned ? `refreshed ${result.refreshed}, ` : '') +
        `already done ${result.alreadyDone}, failed ${result.failed}, not attempted ${result.skipped}`);
    return result;
}
async function runBatches(target, result, batches, retry, send) {
    // Stop pulling batches once a call has failed (after the SDK's own retries).
    const gated = (function* () {
        for (const batch of batches) {
            if (result.stoppedBy)
                return;
            yield batch;
        }
    })();
    await (0,vocabulary_concurrency/* forEachConcurrent */.C)(gated, target.concurrency, async (batch) => {
        try {
            await (0,aws_retry/* withBackoff */.Dc)(() => send(batch), retry, target.backoff ?? aws_retry/* DEFAULT_BACKOFF */.VU);
        }
        catch (error) {
            const { name, message } = error;
            result.stoppedBy ??= `${name}: ${message}`;
            for (const ref of batch) {
                addFailure(result, { values: (0,vocabulary_keys/* partitionValues */.RB)(ref, target.dateKeyType), code: name, message });
            }
        }
    });
}
/**
 * Sorts one batch's entries into done, done by someone else (`raceCode`), and failed. A failed
 * entry stops new batches, as a failed call does: the cause (permissions, a quota) is rarely
 * limited to one partition.
 */
function settle(result, batch, errors, raceCode, dateKeyType, done) {
    const keyOf = (values) => values.join('\u0001');
    const errorsByValues = new Map(errors.map((error) => [keyOf(error.PartitionValues ?? []), error]));
    const fail = (values, error) => {
        const failure = {
            values,
            code: error.ErrorDetail?.ErrorCode ?? 'Unknown',
            message: error.ErrorDetail?.ErrorMessage ?? ''
        };
        addFailure(result, failure);
        result.stoppedBy ??= `${failure.code}: ${failure.message}`;
    };
    const sent = new Set();
    for (const ref of batch) {
        const values = (0,vocabulary_keys/* partitionValues */.RB)(ref, dateKeyType);
        sent.add(keyOf(values));
        const error = errorsByValues.get(keyOf(values));
        if (!error)
            done(ref);
        else if (error.ErrorDetail?.ErrorCode === raceCode)
            result.alreadyDone += 1;
        else
            fail(values, error);
    }
    // An error Glue did not tie to a partition we sent still means something failed.
    for (const error of errors) {
        if (!sent.has(keyOf(error.PartitionValues ?? [])))
            fail(error.PartitionValues ?? [], error);
    }
}
/** Logs `done of total` each time another tenth of the work is done. */
function progressLogger(logger, verb, total) {
    let nextTenth = 1;
    return (done) => {
        if (total === 0 || done * 10 < nextTenth * total)
            return;
        while (done * 10 >= nextTenth * total)
            nextTenth += 1;
        logger.info(`${verb} ${done} of ${total} (${Math.floor((done * 100) / total)}%)`);
    };
}
function addFailure(result, failure) {
    result.failed += 1;
    if (result.failures.length < MAX_REPORTED_FAILURES)
        result.failures.push(failure);
}

// EXTERNAL MODULE: ./src/partitions/day-set.ts
var day_set = __webpack_require__(9252);
;// CONCATENATED MODULE: ./src/partitions/series-days.ts

/** Days of the span kept before and after the given one: a pause of a few weeks stays in it. */
const SPAN_MARGIN_DAYS = 31;
class SeriesDays {
    /** First day of the span; a multiple of 8. */
    base;
    /** Bytes per series. */
    stride;
    bits;
    counts;
    outside = new Map();
    totalDays = 0;
    constructor(span, margin = SPAN_MARGIN_DAYS) {
        this.base = Math.floor((span.first - margin) / 8) * 8;
        this.stride = Math.max(1, Math.ceil((span.last + margin + 1 - this.base) / 8));
        this.bits = new Uint8Array(0);
        this.counts = new Int32Array(0);
    }
    /** Days over all series. */
    get total() {
        return this.totalDays;
    }
    /** Adds a day; false when the series had it already. */
    add(series, day) {
        this.reserve(series);
        const offset = day - this.base;
        if (offset >= 0 && offset < this.stride * 8) {
            const at = series * this.stride + (offset >> 3);
            const mask = 1 << (offset & 7);
            const byte = this.bits[at] ?? 0;
            if (byte & mask)
                return false;
            this.bits[at] = byte | mask;
        }
        else {
            let days = this.outside.get(series);
            if (!days)
                this.outside.set(series, (days = new day_set/* DaySet */.L()));
            const before = days.size;
            days.add(day);
            if (days.size === before)
                return false;
        }
        this.counts[series] = (this.counts[series] ?? 0) + 1;
        this.totalDays += 1;
        return true;
    }
    has(series, day) {
        if (series >= this.counts.length)
            return false;
        const offset = day - this.base;
        if (offset >= 0 && offset < this.stride * 8) {
            return ((this.bits[series * this.stride + (offset >> 3)] ?? 0) & (1 << (offset & 7))) !== 0;
        }
        return this.outside.get(series)?.has(day) ?? false;
    }
    size(series) {
        return this.counts[series] ?? 0;
    }
    /** The series' days, ascending. */
    *days(series) {
        if (this.size(series) === 0)
            return;
        const outside = this.outside.get(series);
        const end = this.base + this.stride * 8;
        if (outside)
            for (const day of outside)
                if (day < this.base)
                    yield day;
        const start = series * this.stride;
        for (let byte = 0; byte < this.stride; byte++) {
            const value = this.bits[start + byte] ?? 0;
            if (value === 0)
                continue;
            for (let bit = 0; bit < 8; bit++)
                if (value & (1 << bit))
                    yield this.base + byte * 8 + bit;
        }
        if (outside)
            for (const day of outside)
                if (day >= end)
                    yield day;
    }
    /** Series with at least one day, by id. */
    *series() {
        for (let id = 0; id < this.counts.length; id++)
            if ((this.counts[id] ?? 0) > 0)
                yield id;
    }
    /** One series' days as a read-only set (for code that takes a set). */
    of(series) {
        return {
            has: (day) => this.has(series, day),
            size: this.size(series),
            [Symbol.iterator]: () => this.days(series)
        };
    }
    reserve(series) {
        if (series < this.counts.length)
            return;
        const capacity = Math.max(1024, this.counts.length * 2, series + 1);
        const counts = new Int32Array(capacity);
        counts.set(this.counts);
        const bits = new Uint8Array(capacity * this.stride);
        bits.set(this.bits);
        this.counts = counts;
        this.bits = bits;
    }
}

;// CONCATENATED MODULE: ./src/partitions/series-index.ts
/**
 * Account and region pairs ("series") as small integers. An organization at Glue's largest table has
 * 110,000 series; keyed by `account/region` strings, each cost a string, a Map entry and an object
 * (about 2.4 KB a series with the plan and report around them). Here a series is an index into two
 * typed arrays, account and region names are kept once each, and per-series state elsewhere is
 * typed arrays indexed by the id.
 */
/** Pair keys stay small integers (V8 Smis) while ids fit in these bits. */
const REGION_BITS = 12;
const MAX_SMALL_ACCOUNT = 2 ** (30 - REGION_BITS);
class SeriesIndex {
    accountNames = [];
    accountIds = new Map();
    regionNames = [];
    regionIds = new Map();
    accountOf = new Int32Array(1024);
    regionOf = new Int32Array(1024);
    byPair = new Map();
    count = 0;
    /** Number of series registered. */
    get size() {
        return this.count;
    }
    /** The series' id, registering it on first sight. */
    id(account, region) {
        const accountId = intern(account, this.accountNames, this.accountIds);
        const regionId = intern(region, this.regionNames, this.regionIds);
        const key = pairKey(accountId, regionId);
        const known = this.byPair.get(key);
        if (known !== undefined)
            return known;
        const id = this.count++;
        if (id === this.accountOf.length) {
            this.accountOf = grown(this.accountOf);
            this.regionOf = grown(this.regionOf);
        }
        this.accountOf[id] = accountId;
        this.regionOf[id] = regionId;
        this.byPair.set(key, id);
        return id;
    }
    /** The series' id, or undefined when it was never registered. */
    find(account, region) {
        const accountId = this.accountIds.get(account);
        const regionId = this.regionIds.get(region);
        if (accountId === undefined || regionId === undefined)
            return undefined;
        return this.byPair.get(pairKey(accountId, regionId));
    }
    account(id) {
        return this.accountNames[this.accountOf[id] ?? -1] ?? '';
    }
    region(id) {
        return this.regionNames[this.regionOf[id] ?? -1] ?? '';
    }
    /** One shared copy of a region name (the bucket's listings hand out a new string per account). */
    internRegion(region) {
        return this.regionNames[intern(region, this.regionNames, this.regionIds)];
    }
    /**
     * Ids ordered by account, then region, as the reports list them. Names are ranked once each,
     * so sorting 110,000 series compares numbers, not strings.
     */
    sorted(ids) {
        const accountRank = ranks(this.accountNames);
        const regionRank = ranks(this.regionNames);
        const order = Int32Array.from(ids);
        const rank = (id) => (accountRank[this.accountOf[id] ?? 0] ?? 0) * this.regionNames.length +
            (regionRank[this.regionOf[id] ?? 0] ?? 0);
        const keys = new Float64Array(this.count);
        for (const id of order)
            keys[id] = rank(id);
        return order.sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0));
    }
}
function intern(name, names, ids) {
    let id = ids.get(name);
    if (id === undefined) {
        id = names.length;
        // A flat copy: a slice of a long listing prefix would keep the whole prefix alive.
        const flat = (' ' + name).slice(1);
        names.push(flat);
        ids.set(flat, id);
    }
    return id;
}
function pairKey(accountId, regionId) {
    return accountId < MAX_SMALL_ACCOUNT && regionId < 2 ** REGION_BITS
        ? accountId * 2 ** REGION_BITS + regionId
        : `${accountId}:${regionId}`;
}
function grown(array) {
    const bigger = new Int32Array(array.length * 2);
    bigger.set(array);
    return bigger;
}
/** Rank of each name in the reports' order (localeCompare, as the plan always sorted). */
function ranks(names) {
    const order = names.map((_, i) => i).sort((a, b) => (names[a] ?? '').localeCompare(names[b] ?? ''));
    const rank = new Int32Array(names.length);
    order.forEach((nameId, position) => (rank[nameId] = position));
    return rank;
}

;// CONCATENATED MODULE: ./src/partitions/existing.ts
/**
 * Reads what Glue already has into compact form: per (account, region), a set of day numbers.
 * Parallel GetPartitions segments, 1000 a page, without the column schema, so a million partitions
 * cost a thousand calls; each page is folded into bits as it arrives (series-days.ts) and dropped,
 * so 10 million partitions of 110,000 series are held in a few megabytes.
 *
 * Only partitions in exactly the form this action writes (canonical values for the table's key
 * type, and the day folder of the source's layout) are "ours", the only ones retention may drop.
 * Others that still name a day (other padding, another bucket or organization sharing the table)
 * are "covered" days: never dropped, and never given a second partition for the same day.
 */






/** Glue's most: GetPartitions Segment.TotalSegments is 1..10, MaxResults 1..1000. */
const MAX_SEGMENTS = 10;
const PAGE_SIZE = 1000;
/** Pages are retried too: OperationTimeoutException is a 400 the SDK does not retry. */
const PAGE_BACKOFF = { attempts: 5, baseMs: 500, maxMs: 10_000 };
/** Nothing yet; `span` is where the days are expected (the window): other days cost more. */
function emptyExisting(span, index = new SeriesIndex()) {
    return {
        index,
        bySeries: new SeriesDays(span),
        covered: new SeriesDays(span),
        total: 0,
        foreign: 0,
        foreignLocation: 0,
        foreignBySeries: new Map(),
        foreignSamples: []
    };
}
async function readExistingPartitions(glue, table, options, logger) {
    const existing = emptyExisting(options.window);
    const segments = options.segments ?? MAX_SEGMENTS;
    const readSegment = async (segmentNumber) => {
        let nextToken;
        do {
            const token = nextToken;
            const page = await (0,aws_retry/* withBackoff */.Dc)(() => glue.send(new dist_cjs/* GetPartitionsCommand */.fr1({
                ...(0,table_ref/* tableParams */.Pn)(table),
                ExcludeColumnSchema: !options.withColumns,
                MaxResults: PAGE_SIZE,
                Segment: { SegmentNumber: segmentNumber, TotalSegments: segments },
                ...(token ? { NextToken: token } : {})
            })), { operation: 'Glue.GetPartitions', logger }, options.backoff ?? PAGE_BACKOFF);
            for (const partition of page.Partitions ?? [])
                record(existing, partition, options);
            nextToken = page.NextToken;
        } while (nextToken);
    };
    await Promise.all(Array.from({ length: segments }, (_, n) => readSegment(n)));
    logger.info(`${existing.total} partition(s) in Glue (${existing.foreign} not in this action's form or location)`);
    return existing;
}
function record(existing, partition, options) {
    existing.total += 1;
    const values = partition.Values ?? [];
    const ours = (0,vocabulary_keys/* parsePartitionValues */.od)(values, options.dateKeyType);
    const own = ours && sameLocation(partition.StorageDescriptor?.Location, options.locationOf(ours));
    if (own) {
        const id = existing.index.id(ours.account, ours.region);
        options.inspect?.(partition, ours, id);
        existing.bySeries.add(id, ours.day);
        return;
    }
    options.inspect?.(partition, undefined, undefined);
    existing.foreign += 1;
    if (ours)
        existing.foreignLocation += 1;
    if (existing.foreignSamples.length < 5)
        existing.foreignSamples.push(values);
    const day = ours ?? (0,vocabulary_keys/* parseAnyDayForm */.KZ)(values, options.dateKeyType);
    if (!day)
        return;
    const id = existing.index.id(day.account, day.region);
    existing.covered.add(id, day.day);
    let counts = existing.foreignBySeries.get(id);
    if (!counts)
        existing.foreignBySeries.set(id, (counts = { location: 0, form: 0 }));
    counts[ours ? 'location' : 'form'] += 1;
}
function sameLocation(actual, expected) {
    return (actual ?? '').replace(/\/+$/, '') === expected.replace(/\/+$/, '');
}

// EXTERNAL MODULE: ./src/partitions/guards.ts
var guards = __webpack_require__(5369);
;// CONCATENATED MODULE: ./src/partitions/plan.ts
/** Groups ascending days into contiguous ranges. */
function toRanges(days) {
    const ranges = [];
    let current;
    for (const day of days) {
        if (current && day === current.last + 1)
            current.last = day;
        else
            ranges.push((current = { first: day, last: day }));
    }
    return ranges;
}
/** Number of days in some ranges. */
function daysIn(ranges) {
    return ranges.reduce((sum, range) => sum + range.last - range.first + 1, 0);
}
class SyncPlan {
    window;
    existing;
    order;
    inBucket;
    totals;
    leftAlone;
    /** The names behind the series ids. */
    index;
    /** Partitions of another location or form, by series (from ExistingPartitions). */
    foreignBySeries;
    /** Series in scope that the bucket has: they get a partition every day of the window. */
    inBucketCount;
    /** 1 for a series in scope, by id. */
    inScope;
    /**
     * @param order series in scope, by account then region: every series of the bucket, and every
     *   series Glue has whose folder is gone, inside the allow-lists
     * @param inBucket 1 for a series the bucket has (its window is wanted), by id
     */
    constructor(window, existing, order, inBucket, leftAlone, leftAloneTotal) {
        this.window = window;
        this.existing = existing;
        this.order = order;
        this.inBucket = inBucket;
        this.index = existing.index;
        this.foreignBySeries = existing.foreignBySeries;
        this.leftAlone = leftAlone;
        this.totals = { add: 0, remove: 0, unchanged: 0, leftAlone: leftAloneTotal };
        this.inScope = new Uint8Array(existing.index.size);
        let inBucketCount = 0;
        for (const id of order) {
            this.inScope[id] = 1;
            if (inBucket[id])
                inBucketCount += 1;
            const counts = this.countsOf(id);
            this.totals.add += counts.add;
            this.totals.remove += counts.remove;
            this.totals.unchanged += counts.unchanged;
            this.totals.leftAlone += counts.afterWindow + counts.folderGone;
            leftAlone.afterWindow += counts.afterWindow;
            leftAlone.folderGone += counts.folderGone;
        }
        this.inBucketCount = inBucketCount;
    }
    /** Series in scope. */
    get seriesCount() {
        return this.order.length;
    }
    /** The series at `position` of the plan's order. */
    seriesAt(position) {
        const id = this.idAt(position);
        const add = this.inBucket[id] ? toRanges(this.addDays(id)) : [];
        const remove = toRanges(this.removeDays(id));
        const counts = this.countsOf(id);
        return {
            position,
            id,
            account: this.index.account(id),
            region: this.index.region(id),
            status: this.statusOf(id),
            add,
            remove,
            addCount: counts.add,
            removeCount: counts.remove,
            unchanged: counts.unchanged,
            leftAlone: counts.afterWindow + counts.folderGone
        };
    }
    /** Every series in scope, in order, each worked out as it is reached. */
    *series() {
        for (let position = 0; position < this.order.length; position++)
            yield this.seriesAt(position);
    }
    /** The id of the series at `position`. */
    idAt(position) {
        const id = this.order[position];
        if (id === undefined)
            throw new RangeError(`no series at ${position} of ${this.order.length}`);
        return id;
    }
    /** A series' status, without working out its days. */
    statusAt(position) {
        return this.statusOf(this.idAt(position));
    }
    accountAt(position) {
        return this.index.account(this.idAt(position));
    }
    /** Days of the window the series lacks, ascending; a day another tool covers gets no second partition. */
    *addDays(id) {
        if (!this.inBucket[id])
            return;
        const { bySeries, covered } = this.existing;
        for (let day = this.window.first; day <= this.window.last; day++) {
            if (!bySeries.has(id, day) && !covered.has(id, day))
                yield day;
        }
    }
    /** Whether the plan removes this day of the series (ours, before the window, in scope). */
    removes(id, day) {
        return this.inScope[id] === 1 && day < this.window.first && this.existing.bySeries.has(id, day);
    }
    /** Our days before the window, ascending. */
    *removeDays(id) {
        for (const day of this.existing.bySeries.days(id)) {
            if (day >= this.window.first)
                return;
            yield day;
        }
    }
    statusOf(id) {
        if (!this.inBucket[id])
            return 'gone';
        return this.existing.bySeries.size(id) || this.existing.covered.size(id) ? 'kept' : 'new';
    }
    countsOf(id) {
        const { first, last } = this.window;
        const wanted = this.inBucket[id] === 1;
        const counts = { add: 0, remove: 0, unchanged: 0, afterWindow: 0, folderGone: 0 };
        for (const day of this.existing.bySeries.days(id)) {
            if (day < first)
                counts.remove += 1;
            else if (day > last)
                counts.afterWindow += 1;
            else if (wanted)
                counts.unchanged += 1;
            else
                counts.folderGone += 1;
        }
        if (wanted)
            for (const _ of this.addDays(id))
                counts.add += 1;
        return counts;
    }
}
function planSync(existing, scope, window) {
    const { index, bySeries } = existing;
    const leftAlone = {
        otherLocation: existing.foreignLocation,
        otherForm: existing.foreign - existing.foreignLocation,
        outsideAllowLists: 0,
        outsideSeries: 0,
        outsideAccounts: new Set(),
        outsideRegions: new Set(),
        afterWindow: 0,
        folderGone: 0
    };
    const wanted = [];
    for (const [account, regions] of scope.desired) {
        for (const region of regions)
            wanted.push(index.id(account, region));
    }
    const inBucket = new Uint8Array(index.size);
    const inScope = [];
    for (const id of wanted) {
        if (inBucket[id])
            continue;
        inBucket[id] = 1;
        inScope.push(id);
    }
    const allowAccounts = new Set(scope.accounts);
    const allowRegions = new Set(scope.regions);
    // Series Glue has but the bucket no longer shows (or no longer in scope): retention only.
    let outside = 0;
    for (const id of bySeries.series()) {
        if (inBucket[id])
            continue;
        const account = index.account(id);
        const region = index.region(id);
        const accountAllowed = allowAccounts.size === 0 || allowAccounts.has(account);
        if (accountAllowed && (allowRegions.size === 0 || allowRegions.has(region))) {
            inScope.push(id);
            continue;
        }
        const days = bySeries.size(id);
        outside += days;
        leftAlone.outsideAllowLists += days;
        leftAlone.outsideSeries += 1;
        if (!accountAllowed)
            leftAlone.outsideAccounts.add(account);
        else
            leftAlone.outsideRegions.add(region);
    }
    return new SyncPlan(window, existing, index.sorted(inScope), inBucket, leftAlone, existing.foreign + outside);
}

// EXTERNAL MODULE: ./src/partitions/quota.ts
var partitions_quota = __webpack_require__(2787);
// EXTERNAL MODULE: ./src/vocabulary/escape.ts
var vocabulary_escape = __webpack_require__(153);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/vocabulary/storage.ts
/**
 * The part of a storage descriptor that decides how Athena reads a partition: the columns in order
 * (names and types; Athena validates JSON partitions by column position), the SerDe and its
 * parameters, the input and output formats. Not the location (each partition has its own), not
 * column comments. A partition whose shape differs from its table's fails in Athena with
 * HIVE_PARTITION_SCHEMA_MISMATCH or reads fields under the wrong names.
 */

/**
 * The table parameter that records the shape the action's partitions were last brought in line
 * with (a fingerprint). While the table's own shape has the same fingerprint, the sync reads its
 * partitions without their columns, as cheaply as before.
 */
const PARTITION_STORAGE_PARAMETER = 'cloudtrail-partitions.partition-storage';
const normalName = (name) => (name ?? '').toLowerCase();
const normalType = (type) => (type ?? '').replace(/\s+/g, '').toLowerCase();
function storageShape(descriptor) {
    return {
        columns: (descriptor.Columns ?? []).map((c) => ({ name: normalName(c.Name), type: normalType(c.Type) })),
        serde: descriptor.SerdeInfo?.SerializationLibrary ?? '',
        serdeParameters: Object.entries(descriptor.SerdeInfo?.Parameters ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
        inputFormat: descriptor.InputFormat ?? '',
        outputFormat: descriptor.OutputFormat ?? ''
    };
}
/** A short, stable name for a shape: `sha256:` and 22 characters of base64url. */
function storageFingerprint(descriptor) {
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify(storageShape(descriptor)))
        .digest('base64url');
    return `sha256:${digest.slice(0, 22)}`;
}
/**
 * True when a descriptor has exactly this shape. Walks the columns without building anything: the
 * read pass calls it for every partition of a table whose shape changed.
 */
function hasShape(descriptor, shape) {
    if ((descriptor.InputFormat ?? '') !== shape.inputFormat)
        return false;
    if ((descriptor.OutputFormat ?? '') !== shape.outputFormat)
        return false;
    if ((descriptor.SerdeInfo?.SerializationLibrary ?? '') !== shape.serde)
        return false;
    const parameters = descriptor.SerdeInfo?.Parameters ?? {};
    const keys = Object.keys(parameters);
    if (keys.length !== shape.serdeParameters.length)
        return false;
    for (const [key, value] of shape.serdeParameters)
        if (parameters[key] !== value)
            return false;
    const columns = descriptor.Columns ?? [];
    if (columns.length !== shape.columns.length)
        return false;
    for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        const expected = shape.columns[i];
        if (!column || !expected)
            return false;
        if (column.Name !== expected.name && normalName(column.Name) !== expected.name)
            return false;
        if (column.Type !== expected.type && normalType(column.Type) !== expected.type)
            return false;
    }
    return true;
}
function shapeDifference(from, to) {
    const before = new Map(from.columns.map((c) => [c.name, c.type]));
    const after = new Map(to.columns.map((c) => [c.name, c.type]));
    const added = to.columns.filter((c) => !before.has(c.name)).map((c) => c.name);
    const removed = from.columns.filter((c) => !after.has(c.name)).map((c) => c.name);
    const retyped = to.columns
        .filter((c) => before.has(c.name) && before.get(c.name) !== c.type)
        .map((c) => c.name);
    const common = (columns, other) => columns
        .filter((c) => other.has(c.name))
        .map((c) => c.name)
        .join(',');
    return {
        added,
        removed,
        retyped,
        reordered: common(from.columns, after) !== common(to.columns, before),
        serde: from.serde !== to.serde,
        serdeParameters: JSON.stringify(from.serdeParameters) !== JSON.stringify(to.serdeParameters),
        formats: from.inputFormat !== to.inputFormat || from.outputFormat !== to.outputFormat
    };
}

;// CONCATENATED MODULE: ./src/partitions/refresh.ts
/**
 * Partitions follow the table. Each partition gets a copy of the table's storage descriptor when it
 * is created, and Glue never updates that copy: after `ALTER TABLE ADD COLUMNS` (or a new SerDe),
 * every existing partition still has the old shape, and Athena reads it with the old columns or
 * fails with HIVE_PARTITION_SCHEMA_MISMATCH. This module finds the action's own partitions whose
 * shape differs from the table's and brings them in line with BatchUpdatePartition (1 to 100 entries
 * a call), the way creates are applied. Partitions that are not the action's own are counted and
 * described, never changed.
 *
 * Cost: only when the table's shape differs from the one recorded after the last refresh (a table
 * parameter, see vocabulary/storage.ts) does the read pass ask for columns; that run compares each
 * partition as it streams by and keeps the stale ones as day bitmaps, like what Glue has.
 */







/** Glue's most per BatchUpdatePartition call (Entries 1..100). */
const UPDATE_BATCH_SIZE = 100;
function emptyDrift() {
    return {
        partitions: 0,
        added: new Set(),
        removed: new Set(),
        retyped: new Set(),
        reordered: false,
        serde: false,
        serdeParameters: false,
        formats: false
    };
}
/** Differing shapes seen so far, by a key of the shape: a changed table usually leaves one or two. */
const MAX_CACHED_SHAPES = 64;
/** Column names kept per kind of change: others' partitions may hold any names, in any number. */
const MAX_DRIFT_NAMES = 100;
function addNames(set, names) {
    for (const name of names) {
        if (set.size >= MAX_DRIFT_NAMES)
            return;
        set.add(name);
    }
}
/**
 * Whether the read pass must compare: the table's shape against the one recorded when its
 * partitions were last brought in line. No record (an older table, the first run) compares once.
 */
function needsComparison(tableDescriptor, recorded) {
    return recorded !== storageFingerprint(tableDescriptor);
}
/** Collects, during the read pass, the partitions whose shape is not the table's. */
class StaleStorage {
    own = emptyDrift();
    foreign = emptyDrift();
    fingerprint;
    shape;
    /** The action's own stale partitions: days per series, as bits over the window (series-days.ts). */
    days;
    /** Parameters of stale partitions that have some (rare): an update must keep them. */
    parameters = new Map();
    seen = new Map();
    last;
    /** @param window the sync's window: where nearly every stale day falls, so where its bits go */
    constructor(tableDescriptor, window) {
        this.days = new SeriesDays(window);
        this.shape = storageShape(tableDescriptor);
        this.fingerprint = storageFingerprint(tableDescriptor);
    }
    /** Called by the read pass for each partition, with its ref and series when it is the action's own. */
    inspect(partition, own, series) {
        const descriptor = partition.StorageDescriptor ?? {};
        if (hasShape(descriptor, this.shape))
            return;
        const drift = own ? this.own : this.foreign;
        drift.partitions += 1;
        const difference = this.differenceOf(descriptor);
        addNames(drift.added, difference.added);
        addNames(drift.removed, difference.removed);
        addNames(drift.retyped, difference.retyped);
        drift.reordered ||= difference.reordered;
        drift.serde ||= difference.serde;
        drift.serdeParameters ||= difference.serdeParameters;
        drift.formats ||= difference.formats;
        if (!own || series === undefined)
            return;
        this.days.add(series, own.day);
        if (partition.Parameters && Object.keys(partition.Parameters).length > 0) {
            this.parameters.set(valuesKey(partition.Values ?? []), partition.Parameters);
        }
    }
    /** The stale partitions of the action's own to refresh: all but those the plan removes. */
    *toRefresh(plan) {
        for (const series of this.days.series()) {
            const account = plan.index.account(series);
            const region = plan.index.region(series);
            for (const day of this.days.days(series)) {
                if (!plan.removes(series, day))
                    yield { account, region, day };
            }
        }
    }
    /** How many `toRefresh` yields; only the days before the window are looked at one by one. */
    countToRefresh(plan) {
        let count = this.days.total;
        for (const series of this.days.series()) {
            for (const day of this.days.days(series)) {
                if (day >= plan.window.first)
                    break;
                if (plan.removes(series, day))
                    count -= 1;
            }
        }
        return count;
    }
    /** The update of one stale partition: the table's descriptor, its own location and parameters. */
    inputFor(target, ref) {
        const input = partitionInput(target, ref);
        const parameters = this.parameters.get(valuesKey(input.Values ?? []));
        return parameters ? { ...input, Parameters: parameters } : input;
    }
    differenceOf(descriptor) {
        // Stale partitions mostly share one old shape: checked without building anything.
        if (this.last && hasShape(descriptor, this.last.shape))
            return this.last.difference;
        const from = storageShape(descriptor);
        const key = JSON.stringify(from);
        let difference = this.seen.get(key);
        if (!difference) {
            difference = shapeDifference(from, this.shape);
            if (this.seen.size < MAX_CACHED_SHAPES)
                this.seen.set(key, difference);
        }
        this.last = { shape: from, difference };
        return difference;
    }
}
function valuesKey(values) {
    return values.join('\u0001');
}
function refreshOutcome(fingerprint, stale, plan) {
    return {
        compared: stale !== undefined,
        fingerprint,
        own: stale?.own ?? emptyDrift(),
        foreign: stale?.foreign ?? emptyDrift(),
        planned: stale ? stale.countToRefresh(plan) : 0
    };
}
/**
 * Sends the refreshes in batches of 100, a few in flight, after the creates and removals of the
 * plan. Entries settle as creates do: a partition removed meanwhile needs no refresh
 * (EntityNotFoundException counts as done by someone else); any other failed entry stops new batches.
 */
async function refreshPartitions(target, stale, plan, result, progress, logger) {
    logger.info(`refreshing the storage descriptor of the action's stale partitions`);
    const retry = { operation: 'Glue.BatchUpdatePartition', logger };
    await runBatches(target, result, chunks(stale.toRefresh(plan), UPDATE_BATCH_SIZE), retry, async (batch) => {
        const response = await target.glue.send(new dist_cjs/* BatchUpdatePartitionCommand */.JWg({
            ...(0,table_ref/* tableParams */.Pn)(target.table),
            Entries: batch.map((ref) => ({
                PartitionValueList: (0,vocabulary_keys/* partitionValues */.RB)(ref, target.dateKeyType),
                PartitionInput: stale.inputFor(target, ref)
            }))
        }));
        // BatchUpdatePartition names the failed entry PartitionValueList, not PartitionValues.
        const errors = (response.Errors ?? []).map((error) => ({
            PartitionValues: error.PartitionValueList ?? [],
            ...(error.ErrorDetail ? { ErrorDetail: error.ErrorDetail } : {})
        }));
        settle(result, batch, errors, 'EntityNotFoundException', target.dateKeyType, () => {
            result.refreshed += 1;
        });
        progress();
    });
}
/** The read pass's comparison, for the log (column names from Glue escaped for it). */
function describeComparison(refresh, recorded) {
    const { own, foreign } = refresh;
    const columns = [...own.added, ...own.removed, ...own.retyped];
    const why = recorded
        ? "the table's storage descriptor changed since its partitions were last brought in line"
        : 'no storage shape recorded on the table yet';
    return (`storage descriptor: ${why}; ${own.partitions} of the action's partition(s) differ from the table's ` +
        `(${refresh.planned} to refresh${columns.length ? `; columns ${(0,vocabulary_escape/* logText */.kc)(columns.join(', '))}` : ''}), ` +
        `${foreign.partitions} other partition(s) differ and are left alone`);
}

// EXTERNAL MODULE: ./src/vocabulary/errors.ts
var errors = __webpack_require__(8941);
// EXTERNAL MODULE: ./src/logs/sources.ts
var sources = __webpack_require__(6045);
// EXTERNAL MODULE: ./src/table/documented-tables.ts + 6 modules
var documented_tables = __webpack_require__(4662);
// EXTERNAL MODULE: ./src/table/schema.ts
var schema = __webpack_require__(797);
;// CONCATENATED MODULE: ./src/table/create.ts
/**
 * Creates the database and the source's table when `create-table` asks for it. An existing
 * table is never replaced; a table someone else created between our read and our write counts as
 * existing (AlreadyExistsException), and is then validated like any other.
 */







/**
 * The table parameter that marks a table as created by this action. Such a table gets its partition
 * index and partition filtering on every run (unless `partition-index: false`), so a first run
 * denied halfway is completed by the next one.
 */
const CREATED_BY_PARAMETER = 'created-by';
const CREATED_BY_VALUE = 'cloudtrail-partitions';
function createdByThisAction(table) {
    return table.Parameters?.[CREATED_BY_PARAMETER] === CREATED_BY_VALUE;
}
/** The source's documented table with the action's partition keys, at the layout's root. */
function tableInputFor(ref, layout, dateKeyType) {
    const documented = (0,documented_tables/* documentedTable */.D)(layout.source);
    const storageDescriptor = (0,schema/* documentedStorageDescriptor */.Rb)(documented, (0,logs_layout/* tableLocation */.IH)(layout));
    const of = layout.organizationId ? ` of ${layout.organizationId}` : '';
    return {
        Name: ref.table,
        Description: `${sources/* SOURCES */.Hl[layout.source].title}${of}, partitioned by cloudtrail-partitions`,
        TableType: 'EXTERNAL_TABLE',
        Parameters: {
            EXTERNAL: 'TRUE',
            ...documented.tableParameters,
            ...(documented.classification ? { classification: documented.classification } : {}),
            [CREATED_BY_PARAMETER]: CREATED_BY_VALUE,
            // A new table has no partitions: all it gets are created in its shape.
            [PARTITION_STORAGE_PARAMETER]: storageFingerprint(storageDescriptor)
        },
        PartitionKeys: (0,schema/* partitionKeyColumns */.zK)(dateKeyType),
        StorageDescriptor: storageDescriptor
    };
}
/** True when it created the database. */
async function ensureDatabase(glue, ref) {
    try {
        await glue.send(new dist_cjs/* GetDatabaseCommand */.vU({ ...(0,table_ref/* catalogParam */.Xp)(ref), Name: ref.database }));
        return false;
    }
    catch (error) {
        if (error.name !== 'EntityNotFoundException')
            throw error;
    }
    try {
        await glue.send(new dist_cjs/* CreateDatabaseCommand */.x_P({ ...(0,table_ref/* catalogParam */.Xp)(ref), DatabaseInput: { Name: ref.database } }));
        return true;
    }
    catch (error) {
        if (error.name === 'AlreadyExistsException')
            return false;
        throw error;
    }
}
/** True when it created the table; false when it already existed. */
async function createTable(glue, ref, input) {
    try {
        await glue.send(new dist_cjs/* CreateTableCommand */.IxS({ ...(0,table_ref/* catalogParam */.Xp)(ref), DatabaseName: ref.database, TableInput: input }));
        return true;
    }
    catch (error) {
        if (error.name === 'AlreadyExistsException')
            return false;
        throw error;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/table/validate.ts
var validate = __webpack_require__(8668);
;// CONCATENATED MODULE: ./src/table/parameters.ts
/**
 * Writes table parameters without reverting anyone's change: the table is read again and written
 * at that `VersionId`, so that a change made meanwhile (a column added while the index was being
 * built) makes Glue refuse the write with ConcurrentModificationException; it is then redone on a
 * fresh read. Everything else of the table is written back as read.
 */



/** Attempts of a parameter write when others change the table between our read and our write. */
const parameters_TABLE_WRITE_ATTEMPTS = 5;
/**
 * Sets the parameters `wanted` returns for the table as it is now; undefined means nothing to do.
 * True when it wrote, false when there was nothing to do.
 */
async function setTableParameters(glue, ref, wanted) {
    const { CatalogId, DatabaseName } = (0,table_ref/* tableParams */.Pn)(ref);
    for (let attempt = 1;; attempt++) {
        const current = await (0,validate/* findTable */.UI)(glue, ref);
        if (!current)
            throw new Error(`${(0,table_ref/* describeTable */.uq)(ref)} disappeared before its parameters were written`);
        const parameters = wanted(current);
        if (!parameters)
            return false;
        try {
            await glue.send(new dist_cjs/* UpdateTableCommand */.NQf({
                CatalogId,
                DatabaseName,
                TableInput: { ...tableInputOf(current), Parameters: { ...current.Parameters, ...parameters } },
                ...(current.VersionId !== undefined ? { VersionId: current.VersionId } : {})
            }));
            return true;
        }
        catch (error) {
            if (error.name !== 'ConcurrentModificationException' || attempt >= parameters_TABLE_WRITE_ATTEMPTS)
                throw error;
        }
    }
}
/** The fields of a Table that UpdateTable's TableInput takes (the rest are read-only). */
const WRITABLE_TABLE_FIELDS = [
    'Name',
    'Description',
    'Owner',
    'LastAccessTime',
    'LastAnalyzedTime',
    'Retention',
    'StorageDescriptor',
    'PartitionKeys',
    'ViewOriginalText',
    'ViewExpandedText',
    'TableType',
    'Parameters',
    'TargetTable'
];
/** The writable part of a Table, as UpdateTable takes it. */
function tableInputOf(table) {
    const entries = WRITABLE_TABLE_FIELDS.filter((field) => table[field] !== undefined).map((f) => [
        f,
        table[f]
    ]);
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: ./src/table/partition-index.ts
/**
 * Fast Athena planning: a Glue partition index on (year, month, day) and the table property
 * `partition_filtering.enabled=true`, without which Athena does not use indexes.
 *
 * Why year, month, day: Glue uses an index only when the query constrains the index's first key with
 * =, <, <=, >, >= or BETWEEN joined by AND; every query that passes this project's query check
 * constrains year, month and day, while account and region are often left open. One index leaves
 * two of the table's three for the team's own needs.
 */




const INDEX_NAME = 'cloudtrail_partitions_by_date';
const INDEX_KEYS = ['year', 'month', 'day'];
/** Glue's most per table. */
const MAX_INDEXES = 3;
const PARTITION_FILTERING = 'partition_filtering.enabled';
/**
 * An index on a table with few partitions (a new one) is ACTIVE within seconds, a large backfill takes
 * minutes: look soon, then every few seconds.
 */
const DEFAULT_INDEX_WAIT = { timeoutMs: 120_000, pollMs: 250, maxPollMs: 3_000 };
async function listIndexes(glue, ref) {
    const indexes = [];
    const { CatalogId, DatabaseName, TableName } = (0,table_ref/* tableParams */.Pn)(ref);
    for await (const page of (0,dist_cjs/* paginateGetPartitionIndexes */.MSK)({ client: glue }, { CatalogId, DatabaseName, TableName })) {
        indexes.push(...(page.PartitionIndexDescriptorList ?? []));
    }
    return indexes;
}
/**
 * An index Glue can use for date-filtered queries: its first key is the first date key (`year`, or
 * the one date key of a table like AWS's examples), and it is not going away.
 */
const usable = (keys) => (index) => index.Keys?.[0]?.Name?.toLowerCase() === keys[0] &&
    index.IndexStatus !== 'FAILED' &&
    index.IndexStatus !== 'DELETING';
function stateOf(action, index) {
    return {
        action,
        name: index.IndexName,
        keys: (index.Keys ?? []).map((key) => key.Name ?? ''),
        status: index.IndexStatus
    };
}
/** The usable index the table already has, if any: reported even when none was requested. */
async function findUsableIndex(glue, ref, keys = INDEX_KEYS) {
    const index = (await listIndexes(glue, ref)).find(usable(keys));
    return index && stateOf('existing', index);
}
async function ensurePartitionIndex(glue, ref, dryRun, logger, wait = DEFAULT_INDEX_WAIT, keys = INDEX_KEYS) {
    let indexes = await listIndexes(glue, ref);
    const existing = indexes.find(usable(keys));
    const own = indexes.find((index) => index.IndexName === INDEX_NAME);
    if (!existing && own?.IndexStatus === 'FAILED') {
        // Creating it again would only meet AlreadyExistsException: a person has to look at why.
        return failed(own, ref, logger);
    }
    if (!existing && own?.IndexStatus === 'DELETING' && dryRun) {
        // A look that writes nothing does not wait: the run that creates the index does.
        logger.info(`partition index ${INDEX_NAME} is being deleted (DELETING); a run that writes waits for it, then creates it`);
        return { action: 'would-create', name: INDEX_NAME, keys: [...keys] };
    }
    if (!existing && own?.IndexStatus === 'DELETING') {
        // Its name is taken until Glue has removed it: wait for that rather than create blindly.
        logger.info(`partition index ${INDEX_NAME} is being deleted (DELETING); waiting for Glue to remove it`);
        const gone = await waitFor(glue, ref, INDEX_NAME, wait, (status) => status === undefined);
        if (gone !== undefined) {
            const warning = `Partition index ${INDEX_NAME} is still being deleted (DELETING), so it was not created again. ` +
                `Run again once Glue has removed it (aws glue get-partition-indexes --database-name ${ref.database} ` +
                `--table-name ${ref.table} no longer lists it).`;
            logger.warning(warning);
            return { ...stateOf('deleting', own), warning };
        }
        indexes = await listIndexes(glue, ref);
    }
    if (existing) {
        const state = stateOf('existing', existing);
        if (existing.IndexStatus !== 'CREATING')
            return state;
        return partition_index_settle(glue, ref, state, wait, logger);
    }
    if (indexes.length >= MAX_INDEXES) {
        logger.warning(`The table has ${indexes.length} partition indexes, Glue's most, and none starts with ${keys[0]}: no index added. ` +
            `Drop one you do not need to let this action add (${keys.join(', ')}).`);
        return { action: 'no-slot' };
    }
    const planned = { action: 'would-create', name: INDEX_NAME, keys: [...keys] };
    if (dryRun)
        return planned;
    try {
        await glue.send(new dist_cjs/* CreatePartitionIndexCommand */.wXV({
            ...(0,table_ref/* tableParams */.Pn)(ref),
            PartitionIndex: { IndexName: INDEX_NAME, Keys: [...keys] }
        }));
    }
    catch (error) {
        // Another run created it between our read and our write.
        if (error.name !== 'AlreadyExistsException')
            throw error;
    }
    logger.info(`partition index ${INDEX_NAME} (${keys.join(', ')}) requested`);
    return partition_index_settle(glue, ref, { ...planned, action: 'created' }, wait, logger);
}
/** Waits while the index is CREATING; one that ends FAILED is reported with its backfill errors. */
async function partition_index_settle(glue, ref, state, wait, logger) {
    const name = state.name ?? INDEX_NAME;
    const final = await waitFor(glue, ref, name, wait, (status) => status !== 'CREATING');
    if (final?.IndexStatus === 'FAILED')
        return failed(final, ref, logger);
    return { ...state, status: final?.IndexStatus ?? 'UNKNOWN' };
}
/** Polls until `done` holds for the index's status (undefined: gone) or the wait is over; the last descriptor. */
async function waitFor(glue, ref, name, wait, done) {
    const deadline = Date.now() + wait.timeoutMs;
    const maxPollMs = Math.max(wait.pollMs, wait.maxPollMs ?? wait.pollMs);
    for (let pollMs = wait.pollMs;; pollMs = Math.min(maxPollMs, Math.round(pollMs * 1.5))) {
        const index = (await listIndexes(glue, ref)).find((i) => i.IndexName === name);
        if (done(index?.IndexStatus) || Date.now() >= deadline)
            return index;
        await (0,promises_.setTimeout)(pollMs);
    }
}
/** Backfill errors as a person reads them: each code, how many partitions, the first few. */
function describeBackfillErrors(errors) {
    return errors
        .map((error) => {
        const partitions = (error.Partitions ?? []).map((p) => (p.Values ?? []).join('/'));
        const sample = partitions.slice(0, 3).join(', ');
        const more = partitions.length > 3 ? `, ${partitions.length - 3} more` : '';
        return `${error.Code ?? 'UNKNOWN'}${partitions.length ? ` (${partitions.length} partition(s): ${sample}${more})` : ''}`;
    })
        .join('; ');
}
function failed(index, ref, logger) {
    const errors = describeBackfillErrors(index.BackfillErrors ?? []);
    const name = index.IndexName ?? INDEX_NAME;
    const warning = `Partition index ${name} of ${(0,table_ref/* describeTable */.uq)(ref)} FAILED${errors ? `: ${errors}` : ''}. Fix or drop those ` +
        `partitions, delete the index (aws glue delete-partition-index --database-name ${ref.database} ` +
        `--table-name ${ref.table} --index-name ${name}) and run again.`;
    logger.warning(warning);
    return { ...stateOf('failed', index), warning };
}
/** Attempts of the filtering UpdateTable when others change the table between our read and our write. */
const FILTERING_ATTEMPTS = (/* unused pure expression or super */ null && (TABLE_WRITE_ATTEMPTS));
const filteringOn = (table) => table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true';
/**
 * Sets `partition_filtering.enabled=true` on the table, keeping everything else as it is. `table`
 * is the table as read earlier; the write reads it again and never reverts a change made meanwhile
 * (table/parameters.ts).
 */
async function ensurePartitionFiltering(glue, ref, table, dryRun) {
    if (filteringOn(table))
        return 'enabled';
    if (dryRun)
        return 'would-enable';
    const written = await setTableParameters(glue, ref, (current) => filteringOn(current) ? undefined : { [PARTITION_FILTERING]: 'true' });
    return written ? 'enabled-now' : 'enabled';
}

;// CONCATENATED MODULE: ./src/table/ensure.ts











async function prepareTable(glue, ref, layout, options, logger) {
    const name = (0,table_ref/* describeTable */.uq)(ref);
    let table = await (0,validate/* findTable */.UI)(glue, ref);
    let action = 'validated';
    let databaseCreated = false;
    if (!table) {
        if (!options.createTable) {
            throw new errors/* ConfigurationError */.j1(`Inputs '${constants/* Inputs */.G0.Database}' and '${constants/* Inputs */.G0.Table}': ${name} was not found in Glue. Check the names and ` +
                `'${constants/* Inputs */.G0.AwsRegion}', or set '${constants/* Inputs */.G0.CreateTable}: true' to create it as AWS documents the ${layout.source} table.`);
        }
        const dateKeyType = options.dateKeyType ?? 'string';
        const input = tableInputFor(ref, layout, dateKeyType);
        if (options.dryRun) {
            logger.info(`dry run: would create ${name} (date keys ${dateKeyType}) at ${(0,logs_layout/* tableLocation */.IH)(layout)}`);
            const wantIndex = options.partitionIndex ?? true;
            const recorded = input.Parameters?.[PARTITION_STORAGE_PARAMETER];
            return {
                action: 'would-create',
                databaseCreated: false,
                dateKeyType,
                keys: { date: { kind: 'parts', type: dateKeyType }, hasAccount: true, hasRegion: true },
                storageDescriptor: input.StorageDescriptor ?? {},
                ...(recorded ? { partitionStorage: recorded } : {}),
                missingColumns: [],
                warnings: [],
                ...(wantIndex ? { index: { action: 'would-create' } } : {}),
                partitionFiltering: wantIndex ? 'would-enable' : 'off'
            };
        }
        databaseCreated = await ensureDatabase(glue, ref);
        if (await createTable(glue, ref, input)) {
            action = 'created';
            logger.info(`created ${name} (date keys ${dateKeyType}) at ${(0,logs_layout/* tableLocation */.IH)(layout)}`);
        }
        table = await (0,validate/* findTable */.UI)(glue, ref);
        if (!table)
            throw new Error(`${name} is missing right after it was created`);
    }
    const validated = (0,validate/* validateTable */.zL)(table, ref, (0,documented_tables/* documentedTable */.D)(layout.source), (0,logs_layout/* tableLocation */.IH)(layout));
    if (options.dateKeyType && options.dateKeyType !== validated.dateKeyType) {
        throw new errors/* ConfigurationError */.j1(`Input '${constants/* Inputs */.G0.DateKeyType}' is ${options.dateKeyType}, but ${name} has ${validated.dateKeyType} date keys. ` +
            `Set '${constants/* Inputs */.G0.DateKeyType}' to ${validated.dateKeyType} or leave it empty to use the table's type.`);
    }
    for (const warning of validated.warnings)
        logger.warning(warning);
    const missing = validated.missingColumns;
    const statement = missing.length ? (0,validate/* addColumnsStatement */.kZ)(ref, missing) : undefined;
    if (statement) {
        logger.warning(`${name} lacks ${missing.length} column(s) of AWS's current ${layout.source} schema (${missing.map(([n]) => n).join(', ')}). ` +
            `Add them in Athena with: ${statement}`);
    }
    // A table this action created is completed on every run: a first run denied halfway is no silent skip.
    const ours = action === 'created' || createdByThisAction(table);
    const wantIndex = options.partitionIndex ?? ours;
    let index;
    let partitionFiltering = table.Parameters?.[PARTITION_FILTERING]?.toLowerCase() === 'true' ? 'enabled' : 'off';
    const warnings = [...validated.warnings];
    if (wantIndex) {
        try {
            index = await ensurePartitionIndex(glue, ref, options.dryRun, logger, options.indexWait ?? DEFAULT_INDEX_WAIT, (0,vocabulary_keys/* dateKeyNames */.g$)({ date: validated.keys.date }));
            partitionFiltering = await ensurePartitionFiltering(glue, ref, table, options.dryRun);
        }
        catch (error) {
            throw indexDenied(error, name, ours && options.partitionIndex === undefined) ?? error;
        }
        if (index.warning)
            warnings.push(index.warning);
        logger.info(`partition index: ${index.name ?? 'none'} ${index.status ?? index.action}; partition filtering ${partitionFiltering}`);
    }
    else {
        index = await findUsableIndex(glue, ref, (0,vocabulary_keys/* dateKeyNames */.g$)({ date: validated.keys.date }));
    }
    const recorded = table.Parameters?.[PARTITION_STORAGE_PARAMETER];
    return {
        action,
        databaseCreated,
        dateKeyType: validated.dateKeyType,
        keys: validated.keys,
        storageDescriptor: validated.storageDescriptor,
        ...(recorded ? { partitionStorage: recorded } : {}),
        missingColumns: missing.map(([column]) => column),
        ...(statement ? { addColumnsStatement: statement } : {}),
        warnings,
        ...(index ? { index } : {}),
        partitionFiltering
    };
}
/**
 * A denied CreatePartitionIndex or UpdateTable as the user's to fix: which IAM action, which
 * statement of the documented policy, and why this run wanted the index at all.
 */
function indexDenied(error, name, becauseOurs) {
    const denied = (0,aws_clients/* explainDenied */.ne)(error);
    if (!denied)
        return undefined;
    const why = becauseOurs
        ? `${name} was created by this action, so every run completes its partition index and partition filtering. `
        : '';
    return new errors/* ConfigurationError */.j1(`${why}${denied} Or set '${constants/* Inputs */.G0.PartitionIndex}: false' to go without the index and partition filtering.`);
}

;// CONCATENATED MODULE: ./src/table/key-scheme.ts
/**
 * The key scheme a sync writes: the table's own keys (validate.ts), with the one account or Region
 * that a table without an `account` or `region` key holds. That one value comes from the allow-list,
 * which must then name exactly one: such a table cannot tell two accounts' partitions apart.
 */


function keySchemeFor(keys, allowLists, table) {
    const account = keys.hasAccount
        ? undefined
        : onlyValue(allowLists.accounts, constants/* Inputs */.G0.Accounts, 'account', table);
    const region = keys.hasRegion ? undefined : onlyValue(allowLists.regions, constants/* Inputs */.G0.Regions, 'region', table);
    return {
        date: keys.date,
        ...(account === undefined ? {} : { account }),
        ...(region === undefined ? {} : { region })
    };
}
function onlyValue(values, name, key, table) {
    const [only] = values;
    if (values.length === 1 && only !== undefined)
        return only;
    const found = values.length ? `it has ${values.length}: ${values.join(', ')}` : 'it is empty';
    throw (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(name)}: ${table} has no ${key} partition key, so it holds the logs of one ${key}: \
give exactly that ${key} in ${(0,errors/* input */.hF)(name)} (${found}).`;
}

;// CONCATENATED MODULE: ./src/table/partition-storage.ts




async function recordPartitionStorage(glue, ref, fingerprint, logger) {
    try {
        await setTableParameters(glue, ref, (current) => current.Parameters?.[PARTITION_STORAGE_PARAMETER] === fingerprint
            ? undefined
            : { [PARTITION_STORAGE_PARAMETER]: fingerprint });
        return 'recorded';
    }
    catch (error) {
        const denied = (0,aws_clients/* explainDenied */.ne)(error);
        if (!denied)
            throw error;
        logger.warning(`The partitions of ${(0,table_ref/* describeTable */.uq)(ref)} are in line with the table, but the table parameter that says so ` +
            `(${PARTITION_STORAGE_PARAMETER}) could not be written: ${denied} Until it can, every run reads the ` +
            `partitions with their columns to compare them again (the same calls, bigger answers).`);
        return 'denied';
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/logs/regions.ts
var logs_regions = __webpack_require__(4470);
;// CONCATENATED MODULE: ./src/logs/discover.ts
/**
 * Finds a source's layout, accounts and regions with delimiter listings only: one listing per
 * folder level, never a listing of log objects. S3 calls grow with accounts, not with days.
 */








/** Names of the immediate sub-folders of `prefix` (which ends in `/`), in S3's order. */
async function listFolders(s3, bucket, prefix) {
    const folders = [];
    try {
        for await (const page of (0,client_s3_dist_cjs/* paginateListObjectsV2 */.OqA)({ client: s3 }, { Bucket: bucket, Prefix: prefix, Delimiter: '/' })) {
            for (const common of page.CommonPrefixes ?? []) {
                if (common.Prefix)
                    folders.push(common.Prefix.slice(prefix.length, -1));
            }
        }
    }
    catch (error) {
        throw explainS3Error(error, bucket, prefix);
    }
    return folders;
}
function explainS3Error(error, bucket, prefix) {
    const name = error.name;
    if (name === 'NoSuchBucket') {
        return (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(constants/* Inputs */.G0.Bucket)}: the bucket '${bucket}' does not exist. Check the bucket name.`;
    }
    if (name === 'AccessDenied' || name === 'Forbidden') {
        // S3's own words say which policy refused (when it says), so they are kept.
        const message = error.message;
        return (0,errors/* userError */.IF) `Listing s3://${bucket}/${prefix} was denied (${name}${message ? `: ${message}` : ''}). Give the role \
s3:ListBucket on arn:aws:s3:::${bucket} (a prefix condition on '${prefix}*' is enough: statement \
"ListTrailFolders" of iam/sync/permissions.json). A bucket in another account (Control Tower's Log \
Archive) must also allow the role in its bucket policy: iam/cross-account/bucket-policy-statement.json.`;
    }
    return error;
}
/**
 * Reads `[PREFIX/]AWSLogs/` and decides which of the source's layouts the bucket holds. A layout is
 * recognized by the source's own folder: when the listing suggests several (Control Tower keeps
 * Config's account folders beside the organization trail's o-ID folder), each is probed for an
 * account folder that holds the source's folder, and the ones that hold only other logs drop out.
 */
async function detectLayout(s3, request, logger) {
    const source = sources/* SOURCES */.Hl[request.source];
    const root = (0,logs_layout/* awsLogsPrefix */.$L)(request.prefix);
    const folders = await listFolders(s3, request.bucket, root);
    const where = `s3://${request.bucket}/${root}`;
    const base = { bucket: request.bucket, prefix: request.prefix, source: request.source };
    const organizations = folders.filter((name) => logs_layout/* ORGANIZATION_ID_PATTERN */.Vj.test(name));
    const hasOrganizationLevel = source.layouts.some((layout) => layout.kind === 'organization');
    if (request.organizationId) {
        if (!hasOrganizationLevel) {
            throw (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(constants/* Inputs */.G0.OrganizationId)}: ${request.source} logs have no organization level (AWS writes \
them under AWSLogs/<account>/ for every account, organization or not). Leave ${(0,errors/* input */.hF)(constants/* Inputs */.G0.OrganizationId)} empty.`;
        }
        if (!organizations.includes(request.organizationId)) {
            const found = organizations.length ? `; found: ${organizations.join(', ')}` : '';
            throw (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(constants/* Inputs */.G0.OrganizationId)}: ${request.organizationId} has no folder under ${where}${found}.`;
        }
        return { ...base, kind: 'organization', organizationId: request.organizationId };
    }
    const allowed = new Set(request.accounts ?? []);
    const candidates = source.layouts.flatMap(({ kind }) => {
        if (kind === 'organization') {
            return organizations.map((organizationId) => ({ layout: { ...base, kind, organizationId } }));
        }
        const layout = { ...base, kind };
        const accounts = folders.flatMap((name) => {
            const account = (0,logs_layout/* accountOfFolder */.Xf)(layout, name);
            return account && (allowed.size === 0 || allowed.has(account)) ? [account] : [];
        });
        return accounts.length ? [{ layout, accounts }] : [];
    });
    const [only] = candidates;
    if (!only)
        throw noLogsError(request, where, await findLogPrefixes(s3, request.bucket, request.prefix));
    if (candidates.length === 1)
        return only.layout;
    const concurrency = request.concurrency ?? 16;
    const held = await (0,vocabulary_concurrency/* mapConcurrent */._)(candidates, 2, (candidate) => holdsSource(s3, candidate, concurrency));
    const holding = candidates.filter((_, index) => held[index]);
    for (const candidate of candidates.filter((_, index) => !held[index])) {
        logger?.info(`${describeCandidate(candidate)}: no ${(0,logs_layout/* sourceFolder */.Id)(candidate.layout)} in any account folder (other logs), not a layout of ${request.source}`);
    }
    const [chosen] = holding;
    if (chosen && holding.length === 1)
        return chosen.layout;
    if (!chosen) {
        throw (0,errors/* userError */.IF) `No ${request.source} logs under ${where}: ${candidates.map(describeCandidate).join(', ')} \
hold no ${(0,logs_layout/* sourceFolder */.Id)(only.layout)} folder. Check ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Source)} and ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Prefix)}.`;
    }
    return ambiguous(request, where, holding);
}
function describeCandidate(candidate) {
    const { layout, accounts } = candidate;
    if (layout.kind === 'organization')
        return `organization folder ${layout.organizationId}/`;
    const count = `${accounts?.length ?? 0} account folder(s)`;
    return layout.kind === 'hive' ? `${count} in Hive-compatible form (aws-account-id=…)` : count;
}
/** More than one layout holds the source's logs: the inputs that pick one. */
function ambiguous(request, where, holding) {
    const found = holding.map(describeCandidate).join(', ');
    const organizations = holding.filter((candidate) => candidate.layout.kind === 'organization');
    if (organizations.length > 0) {
        throw (0,errors/* userError */.IF) `${where} holds more than one layout of ${request.source} logs (${found}). \
Set ${(0,errors/* input */.hF)(constants/* Inputs */.G0.OrganizationId)} to the organization whose partitions this table should have.`;
    }
    throw (0,errors/* userError */.IF) `${where} holds ${request.source} logs in more than one layout (${found}); a table reads one. \
Give this table's accounts in ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Accounts)}, and sync the other layout's accounts into a table of their own.`;
}
/**
 * True when an account folder of the candidate holds the source's folder: one listing of at most
 * one key per account, a few at a time, stopping at the first that does.
 */
async function holdsSource(s3, candidate, concurrency) {
    const { layout } = candidate;
    const accounts = candidate.accounts ??
        (await listFolders(s3, layout.bucket, (0,logs_layout/* accountsRoot */.zT)(layout))).flatMap((name) => {
            const account = (0,logs_layout/* accountOfFolder */.Xf)(layout, name);
            return account ? [account] : [];
        });
    for (let start = 0; start < accounts.length; start += concurrency) {
        const found = await (0,vocabulary_concurrency/* mapConcurrent */._)(accounts.slice(start, start + concurrency), concurrency, (account) => hasObjects(s3, layout.bucket, (0,logs_layout/* regionsRoot */.oA)(layout, account)));
        if (found.some(Boolean))
            return true;
    }
    return false;
}
async function hasObjects(s3, bucket, prefix) {
    try {
        const page = await s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }));
        return (page.KeyCount ?? page.Contents?.length ?? 0) > 0;
    }
    catch (error) {
        throw explainS3Error(error, bucket, prefix);
    }
}
/** Control Tower's Log Archive bucket: aws-controltower-logs-<account>-<region>. */
const CONTROL_TOWER_BUCKET = /^aws-controltower-logs-/;
/** Folders looked into for an AWSLogs/ of their own when the prefix has none: enough for a log bucket. */
const MAX_PREFIX_PROBES = 5;
/**
 * Where else the bucket has an AWSLogs/ folder, as values of the prefix input: one folder below the
 * given prefix (Control Tower's `o-abc123defg/`, organization ids first), and the top of the bucket
 * when a prefix was given. A few listings at most; a listing refused (a role that may list only the
 * logs' folders) finds nothing.
 */
async function findLogPrefixes(s3, bucket, prefix) {
    const firstFolders = async (under) => {
        const page = await s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: under, Delimiter: '/', MaxKeys: 1000 }));
        return (page.CommonPrefixes ?? []).flatMap((common) => common.Prefix ? [common.Prefix.slice(under.length, -1)] : []);
    };
    const hasAwsLogs = async (candidate) => {
        const page = await s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: bucket, Prefix: (0,logs_layout/* awsLogsPrefix */.$L)(candidate), MaxKeys: 1 }));
        return (page.KeyCount ?? page.Contents?.length ?? 0) > 0;
    };
    try {
        const folders = (await firstFolders(prefix)).filter((name) => name !== 'AWSLogs' && name !== '');
        folders.sort((a, b) => Number(logs_layout/* ORGANIZATION_ID_PATTERN */.Vj.test(b)) - Number(logs_layout/* ORGANIZATION_ID_PATTERN */.Vj.test(a)));
        const candidates = folders.slice(0, MAX_PREFIX_PROBES).map((name) => `${prefix}${name}/`);
        if (prefix)
            candidates.push('');
        const found = await (0,vocabulary_concurrency/* mapConcurrent */._)(candidates, MAX_PREFIX_PROBES, hasAwsLogs);
        return candidates.filter((_, index) => found[index]).map((candidate) => candidate.replace(/\/$/, ''));
    }
    catch {
        return [];
    }
}
/** No logs under [prefix/]AWSLogs/: the error names the prefix the bucket shows, when it shows one. */
function noLogsError(request, where, prefixes) {
    const { bucket, source } = request;
    const controlTower = CONTROL_TOWER_BUCKET.test(bucket)
        ? " Control Tower's bucket keeps its logs under the organization id (o-…/AWSLogs/)."
        : '';
    const [only] = prefixes;
    if (prefixes.length === 1 && only !== undefined) {
        return only
            ? (0,errors/* userError */.IF) `No ${source} logs under ${where}, but the bucket has logs under s3://${bucket}/${only}/AWSLogs/: \
set ${(0,errors/* setting */.Pe)(constants/* Inputs */.G0.Prefix, only)}.${controlTower}`
            : (0,errors/* userError */.IF) `No ${source} logs under ${where}, but the bucket has logs under s3://${bucket}/AWSLogs/: \
leave ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Prefix)} empty.`;
    }
    if (prefixes.length > 1) {
        const places = prefixes.map((found) => `s3://${bucket}/${found ? `${found}/` : ''}AWSLogs/`).join(', ');
        return (0,errors/* userError */.IF) `No ${source} logs under ${where}, but the bucket has AWSLogs/ folders under ${places}: \
set ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Prefix)} to what comes before the AWSLogs/ of this table's logs.`;
    }
    const expected = sources/* SOURCES */.Hl[source].layouts
        .map((layout) => (0,logs_layout/* layoutTemplate */.ZM)({ bucket, prefix: request.prefix, source, kind: layout.kind }))
        .join(' or ');
    return (0,errors/* userError */.IF) `No ${source} logs under ${where}: no folder of the form ${expected}. \
Check ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Bucket)} and ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Prefix)} (the prefix is what comes before AWSLogs/).${controlTower}`;
}
/** Names of folders that are no Region kept for the report; a bucket full of junk costs no memory. */
const MAX_NOT_REGIONS = 50;
async function discoverSeries(s3, layout, filter, logger) {
    const present = (await listFolders(s3, layout.bucket, (0,logs_layout/* accountsRoot */.zT)(layout))).flatMap((name) => {
        const account = (0,logs_layout/* accountOfFolder */.Xf)(layout, name);
        return account ? [account] : [];
    });
    const allowAccounts = new Set(filter.accounts);
    const accounts = filter.accounts.length ? present.filter((a) => allowAccounts.has(a)) : present;
    const presentSet = new Set(present);
    const missingAccounts = filter.accounts.filter((a) => !presentSet.has(a));
    logger.info(`${present.length} account folder(s) found, ${accounts.length} in scope`);
    const allowRegions = new Set(filter.regions);
    const regionsSeen = new Set();
    const regionsSkipped = new Set();
    // One shared string per region name: each listing hands out its own copy (110,000 at 22,000 accounts).
    const regionNames = new Map();
    const shared = (folder) => {
        if (!vocabulary_keys/* REGION_PATTERN */.aY.test(folder))
            return folder;
        const known = regionNames.get(folder);
        if (known !== undefined)
            return known;
        regionNames.set(folder, folder);
        return folder;
    };
    const regionLists = await (0,vocabulary_concurrency/* mapConcurrent */._)(accounts, filter.concurrency, async (account) => (await listFolders(s3, layout.bucket, (0,logs_layout/* regionsRoot */.oA)(layout, account))).map(shared));
    const series = new Map();
    const notRegions = new Map();
    let notRegionsOmitted = 0;
    let accountsWithoutSource = 0;
    const notARegion = (name) => {
        const count = notRegions.get(name);
        if (count !== undefined)
            notRegions.set(name, count + 1);
        else if (notRegions.size < MAX_NOT_REGIONS)
            notRegions.set(name, 1);
        else
            notRegionsOmitted += 1;
    };
    accounts.forEach((account, index) => {
        const folders = regionLists[index] ?? [];
        if (folders.length === 0)
            accountsWithoutSource += 1;
        const regions = folders.flatMap((folder) => {
            const read = (0,logs_layout/* regionOfFolder */.GI)(layout, folder);
            if (read === undefined) {
                notARegion(folder);
                return [];
            }
            // The Hive-compatible `aws-region=…` folders give a new string per account: share it too.
            const region = read === folder ? read : shared(read);
            if (vocabulary_keys/* REGION_PATTERN */.aY.test(region))
                regionsSeen.add(region);
            // An allow-listed name is trusted: a Region newer than this release's grammar still works.
            if (allowRegions.has(region))
                return [region];
            if (!vocabulary_keys/* REGION_PATTERN */.aY.test(region) || !(0,logs_regions/* isAwsRegion */.EK)(region)) {
                notARegion(folder);
                return [];
            }
            if (allowRegions.size === 0)
                return [region];
            regionsSkipped.add(region);
            return [];
        });
        if (regions.length)
            series.set(account, regions.sort());
    });
    return {
        series,
        accountsFound: present.length,
        accountsWithoutSource,
        missingAccounts,
        regionsSeen,
        regionsSkipped,
        notRegions,
        notRegionsOmitted
    };
}
/**
 * Every account in scope holds only other logs (a Config-only account folder for CloudTrail): the
 * layout was taken from the account folders alone, and none is the source's.
 */
function checkSourcePresent(layout, discovery) {
    const inScope = discovery.accountsFound - discovery.missingAccounts.length;
    if (discovery.series.size > 0 || discovery.accountsWithoutSource === 0)
        return;
    if (discovery.accountsWithoutSource < inScope)
        return;
    const where = `s3://${layout.bucket}/${(0,logs_layout/* accountsRoot */.zT)(layout)}`;
    throw (0,errors/* userError */.IF) `No ${layout.source} logs under ${where}: its ${discovery.accountsWithoutSource} account folder(s) in scope \
hold no ${(0,logs_layout/* sourceFolder */.Id)(layout)} folder (other logs only). Check ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Source)}, ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Prefix)} and ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Accounts)}.`;
}

// EXTERNAL MODULE: ./src/vocabulary/dates.ts
var dates = __webpack_require__(2145);
// EXTERNAL MODULE: ./src/logs/path.ts
var path = __webpack_require__(3200);
;// CONCATENATED MODULE: ./src/logs/oldest-day.ts







/** Series looked at: at most three listings each. */
const SAMPLED_SERIES = 8;
/** A given `as-of` at least this many days back is checked against the bucket. */
const BACKFILL_CHECK_DAYS = 28;
/** One region of `count` accounts spread evenly (us-east-1 where the account has it: it always has logs). */
function sampleSeries(series, count = SAMPLED_SERIES) {
    const accounts = [...series.keys()];
    const step = Math.max(1, accounts.length / count);
    const picked = [];
    for (let at = 0; at < accounts.length && picked.length < count; at += step) {
        const account = accounts[Math.floor(at)];
        const regions = series.get(account) ?? [];
        const region = regions.includes('us-east-1') ? 'us-east-1' : regions[0];
        if (region)
            picked.push([account, region]);
    }
    return picked;
}
/** What a year, month or day folder may name; Date.UTC would turn 0000, 13 or 40 into another day. */
const RANGES = {
    year: [1970, 9999],
    month: [1, 12],
    day: [1, 31]
};
/** The numbers of the folders that are this layout's year, month or day folders. */
const numbered = (layout, part, names) => names.flatMap((name) => {
    const value = (0,path/* read */.LF)((0,logs_layout/* dateSegment */.wq)(layout, part), name);
    const number = Number(value);
    const [low, high] = RANGES[part];
    return value === undefined || number < low || number > high ? [] : [number];
});
/** The oldest day folder among a sample of series; undefined when none has one. */
async function oldestLogDay(s3, layout, series, concurrency) {
    const sample = sampleSeries(series);
    const root = ([account, region]) => `${(0,logs_layout/* regionsRoot */.oA)(layout, account)}${(0,logs_layout/* regionFolder */.fx)(layout, region)}/`;
    const oldest = async (part, folder) => Math.min(...numbered(layout, part, await listFolders(s3, layout.bucket, folder)));
    const years = await (0,vocabulary_concurrency/* mapConcurrent */._)(sample, concurrency, (entry) => oldest('year', root(entry)));
    const oldestYear = Math.min(...years);
    if (!Number.isFinite(oldestYear))
        return undefined;
    const inOldestYear = sample.filter((_, index) => years[index] === oldestYear);
    const days = await (0,vocabulary_concurrency/* mapConcurrent */._)(inOldestYear, concurrency, async (entry) => {
        const yearFolder = `${root(entry)}${(0,path/* fill */.GS)((0,logs_layout/* dateSegment */.wq)(layout, 'year'), oldestYear)}/`;
        const month = await oldest('month', yearFolder);
        if (!Number.isFinite(month))
            return Infinity;
        const day = await oldest('day', `${yearFolder}${(0,path/* fill */.GS)((0,logs_layout/* dateSegment */.wq)(layout, 'month'), month)}/`);
        const date = { year: oldestYear, month, day };
        return Number.isFinite(day) && (0,dates/* isRealDate */.V_)(date) ? (0,dates/* dayNumberOf */.jR)(date) : Infinity;
    });
    const day = Math.min(...days);
    return Number.isFinite(day) ? { day, sampled: sample.length } : undefined;
}
/** A backfill's `as-of` before any log of the sample: the window would hold only empty days. */
function checkAsOfAgainstLogs(asOf, oldest) {
    if (!oldest || asOf >= oldest.day)
        return;
    throw new errors/* ConfigurationError */.j1(`Input '${constants/* Inputs */.G0.AsOf}': ${(0,dates/* formatIsoDate */.d$)(asOf)} is before the bucket's oldest logs (${(0,dates/* formatIsoDate */.d$)(oldest.day)}, ` +
        `the oldest day folder of ${oldest.sampled} account/region series looked at). A sync then creates partitions ` +
        `for days without logs, and the next run would stop at the removal guard. Give an '${constants/* Inputs */.G0.AsOf}' from ` +
        `${(0,dates/* formatIsoDate */.d$)(oldest.day)} on, or leave it empty for today. If other accounts have older logs, set ` +
        `'${constants/* Inputs */.G0.Accounts}' to them for this backfill.`);
}

;// CONCATENATED MODULE: ./src/logs/date-spelling.ts







const PARTS = ['year', 'month', 'day'];
const EXAMPLE = { year: 2026, month: 3, day: 7 };
/** Throws when one series' date folders are all spelled otherwise than the layout says. */
async function checkDateSpelling(s3, layout, series) {
    const [sampled] = sampleSeries(series, 1);
    if (!sampled)
        return;
    const [account, region] = sampled;
    let folder = `${(0,logs_layout/* regionsRoot */.oA)(layout, account)}${(0,logs_layout/* regionFolder */.fx)(layout, region)}/`;
    for (const part of PARTS) {
        const segment = (0,logs_layout/* dateSegment */.wq)(layout, part);
        const names = await listFolders(s3, layout.bucket, folder);
        const newest = names
            .filter((name) => (0,path/* read */.LF)(segment, name) !== undefined)
            .sort((a, b) => Number((0,path/* read */.LF)(segment, b)) - Number((0,path/* read */.LF)(segment, a)))[0];
        if (newest !== undefined) {
            folder = `${folder}${newest}/`;
            continue;
        }
        const other = names.find((name) => (0,path/* spelledOtherwise */.CV)(segment, name));
        if (other === undefined)
            return; // no date folders here at all: nothing to compare
        const expected = `${(0,path/* show */.WU)(segment)} (for example ${(0,vocabulary_escape/* logQuoted */.RQ)((0,path/* fill */.GS)(segment, EXAMPLE[part]))})`;
        throw (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(constants/* Inputs */.G0.Source)}: the ${part} folders under s3://${layout.bucket}/${folder} are spelled like \
${(0,vocabulary_escape/* logQuoted */.RQ)(other)}, but ${layout.source} partitions point at folders spelled ${expected}: every partition \
would point at a folder without logs, so nothing was written. Check that ${(0,errors/* input */.hF)(constants/* Inputs */.G0.Source)} names the \
logs under this folder; if AWS writes ${layout.source} logs this way, please report it.`;
    }
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
;// CONCATENATED MODULE: ./src/run/heap.ts
/**
 * A sync churns through short-lived objects: each GetPartitions page is a few megabytes of response
 * text, parsed objects and their copies, ten pages at a time, and each BatchCreatePartition sends a
 * hundred storage descriptors. With the sync's own state down to a few megabytes, V8's headroom for
 * that garbage was most of the peak RSS, measured with the bundle against the stand-in:
 * - the young generation: V8 grows it while many objects survive a scavenge (pages in flight do),
 *   up to 2 x 16 MB in Node 20 and 2 x 64 MB in Node 24 (Node's pointers are not compressed). Its
 *   size can only be set at start-up, but its growth can be stopped at run time: Node 24, second
 *   sync of 110,000 partitions, 326 MB -> 196 MB peak RSS for 25% more CPU (450,000 partitions,
 *   first sync: 263 -> 158 MB, +18% CPU);
 * - the old generation: V8 lets it grow up to four times what is live between full collections,
 *   and response buffers outside the heap wait for those collections. A growth factor of 2: Node 20,
 *   second sync of 450,000 partitions, 226-235 MB -> 180-188 MB for about 4% more CPU.
 * Setting --max-old-space-size or --max-semi-space-size at run time has no effect.
 */

/** V8 flags set at the start of a sync (tested to exist in the running Node). */
const HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=100'];
/** Keeps the young generation at its start-up size and lets the heap at most double between full collections. */
function keepHeapGrowthSmall() {
    for (const flag of HEAP_FLAGS)
        (0,external_node_v8_.setFlagsFromString)(flag);
}

;// CONCATENATED MODULE: ./src/run/sync.ts






















const DEFAULT_TUNING = { listConcurrency: 16, writeConcurrency: 8 };
async function runSync(settings, clients, logger, tuning = DEFAULT_TUNING) {
    keepHeapGrowthSmall();
    const timings = [];
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        logger.warning(message);
    };
    const phase = async (name, fn) => {
        const started = performance.now();
        try {
            return await logger.group(name, fn);
        }
        finally {
            timings.push([name, Math.round(performance.now() - started)]);
        }
    };
    const { layout, discovery } = await phase('Discovery', async () => {
        const layout = await detectLayout(clients.s3, { ...settings, concurrency: tuning.listConcurrency }, logger);
        logger.info(`layout: ${(0,logs_layout/* describeLayout */.M2)(layout)}`);
        const discovery = await discoverSeries(clients.s3, layout, { accounts: settings.accounts, regions: settings.regions, concurrency: tuning.listConcurrency }, logger);
        checkSourcePresent(layout, discovery);
        checkRegions(settings.regions, discovery);
        for (const account of discovery.missingAccounts) {
            logger.warning(`Input 'accounts': ${account} has no folder in the bucket; nothing to do for it.`);
        }
        if (discovery.regionsSkipped.size) {
            logger.info(`regions outside the allow-list, skipped: ${[...discovery.regionsSkipped].sort().join(', ')}`);
        }
        if (discovery.notRegions.size) {
            logger.info(`folders under ${(0,logs_layout/* sourceFolder */.Id)(layout)} that are no AWS Region, left out: ${[...discovery.notRegions.keys()].map(vocabulary_escape/* logQuoted */.RQ).join(', ')}`);
        }
        const leftOut = (0,logs_regions/* globalEventsLeftOut */.gQ)(layout.source, settings.regions, discovery.regionsSeen);
        if (leftOut)
            warn(leftOut);
        let series = 0;
        for (const regions of discovery.series.values())
            series += regions.length;
        logger.info(`${discovery.series.size} account(s), ${series} account/region series to keep`);
        // Partitions point at folders spelled as the layout says: does the bucket spell them so? (3 listings.)
        await checkDateSpelling(clients.s3, layout, discovery.series);
        // A backfill a month or more back: are there logs that old at all? (A few listings; never daily.)
        if (settings.asOfGiven &&
            settings.today !== undefined &&
            settings.asOf <= settings.today - BACKFILL_CHECK_DAYS) {
            const oldest = await oldestLogDay(clients.s3, layout, discovery.series, tuning.listConcurrency);
            checkAsOfAgainstLogs(settings.asOf, oldest);
        }
        return { layout, discovery };
    });
    const tableOptions = (dryRun) => ({
        createTable: settings.createTable,
        ...(settings.dateKeyType ? { dateKeyType: settings.dateKeyType } : {}),
        ...(settings.partitionIndex === undefined ? {} : { partitionIndex: settings.partitionIndex }),
        dryRun,
        ...(tuning.indexWait ? { indexWait: tuning.indexWait } : {})
    });
    // Looked at as a dry run does: creating the table or its index waits until the guards have passed.
    const deferred = new DeferredLogger(logger);
    let setUpNeeded = false;
    const preview = await phase('Table', async () => {
        const state = await prepareTable(clients.glue, settings.table, layout, tableOptions(true), deferred);
        deferred.info(`${(0,table_ref/* describeTable */.uq)(settings.table)}: ${state.action}, date keys ${(0,vocabulary_keys/* describeKeys */.mC)({ date: state.keys.date })}`);
        setUpNeeded =
            !settings.dryRun &&
                (state.action === 'would-create' ||
                    state.index?.action === 'would-create' ||
                    state.partitionFiltering === 'would-enable');
        // Without set-up to do, the preview is what the run reports; with it, set-up logs for itself.
        if (!setUpNeeded)
            deferred.flush();
        return state;
    });
    // A table without an account or region key holds one: the allow-lists must name it (before any write).
    const keys = keySchemeFor(preview.keys, settings, (0,table_ref/* describeTable */.uq)(settings.table));
    const window = (0,dates/* syncWindow */.m5)(settings.asOf, settings.retentionDays, settings.futureDays);
    // A table this run has yet to create has no partitions. Columns are read only when the table's
    // storage descriptor is not the one its partitions were last brought in line with.
    const stale = preview.action !== 'would-create' && needsComparison(preview.storageDescriptor, preview.partitionStorage)
        ? new StaleStorage(preview.storageDescriptor, window)
        : undefined;
    const existing = preview.action === 'would-create'
        ? emptyExisting(window)
        : await phase('Existing partitions', () => readExistingPartitions(clients.glue, settings.table, {
            window,
            dateKeyType: keys,
            locationOf: (ref) => (0,logs_layout/* partitionLocation */.wi)(layout, ref),
            ...(stale ? { withColumns: true, inspect: stale.inspect.bind(stale) } : {})
        }, logger));
    for (const values of existing.foreignSamples) {
        logger.debug(`left alone (not in this action's form): ${values.join('/')}`);
    }
    const plan = planSync(existing, { desired: discovery.series, accounts: settings.accounts, regions: settings.regions }, window);
    logger.info(`plan: add ${plan.totals.add}, remove ${plan.totals.remove}, unchanged ${plan.totals.unchanged}`);
    const removals = (0,guards/* checkRemovals */.gc)(plan, settings.maxRemoveDays ?? guards/* DEFAULT_MAX_REMOVE_DAYS */.E2);
    const quota = (0,partitions_quota/* checkTableQuota */.V9)({ before: existing.total, add: plan.totals.add, remove: plan.totals.remove }, settings.maxTablePartitions ?? partitions_quota/* DEFAULT_MAX_TABLE_PARTITIONS */.km, {
        seriesPerDay: plan.inBucketCount,
        leftAlone: plan.totals.leftAlone,
        retentionDays: settings.retentionDays,
        futureDays: settings.futureDays
    });
    const fingerprint = storageFingerprint(preview.storageDescriptor);
    const refresh = refreshOutcome(fingerprint, stale, plan);
    if (stale)
        logger.info(describeComparison(refresh, preview.partitionStorage));
    const report = {
        settings,
        tableName: (0,table_ref/* describeTable */.uq)(settings.table),
        dateKeyType: preview.dateKeyType,
        keys,
        table: preview,
        layout,
        layoutDescription: (0,logs_layout/* describeLayout */.M2)(layout),
        discovery,
        existingTotal: existing.total,
        plan,
        removals,
        quota,
        refresh,
        warnings,
        timings
    };
    const refusals = [
        ...(removals.exceeded ? [(0,guards/* describeRefusal */.a2)(removals, plan, settings.dryRun)] : []),
        ...(quota.exceeded ? [(0,partitions_quota/* describeQuotaRefusal */.Uf)(quota, settings.dryRun)] : [])
    ];
    if (refusals.length) {
        if (!settings.dryRun)
            throw new guards/* SyncRefused */.C$(refusals.join('\n'), { ...report, refused: true });
        // A dry run writes nothing: it reports what a real run would refuse, and succeeds.
        for (const message of refusals)
            logger.warning(message);
    }
    if (quota.nearLimit)
        warn((0,partitions_quota/* describeQuotaWarning */.wf)(quota));
    if (settings.dryRun) {
        logger.info('dry run: nothing written');
        return report;
    }
    if (setUpNeeded) {
        report.table = await phase('Table set-up', async () => {
            const state = await prepareTable(clients.glue, settings.table, layout, tableOptions(false), logger);
            logger.info(`${(0,table_ref/* describeTable */.uq)(settings.table)}: ${state.action}, date keys ${(0,vocabulary_keys/* describeKeys */.mC)(keys)}`);
            return state;
        });
    }
    const target = {
        glue: clients.glue,
        table: settings.table,
        layout,
        dateKeyType: keys,
        storageDescriptor: report.table.storageDescriptor,
        concurrency: tuning.writeConcurrency,
        ...(tuning.onApplyProgress ? { onProgress: tuning.onApplyProgress } : {})
    };
    const applied = await phase('Apply', () => applyPlan(target, plan, logger, stale && refresh.planned
        ? {
            planned: refresh.planned,
            run: (result, progress) => refreshPartitions(target, stale, plan, result, progress, logger)
        }
        : undefined));
    report.applied = applied;
    // Recorded once every partition is in the shape compared against (and created in it): the next
    // runs read without columns. A run that stopped early compares again next time.
    if (stale) {
        const complete = applied.failed === 0 &&
            applied.skipped === 0 &&
            storageFingerprint(report.table.storageDescriptor) === fingerprint;
        refresh.recorded = complete
            ? await recordPartitionStorage(clients.glue, settings.table, fingerprint, logger)
            : 'not-yet';
    }
    return report;
}
/** An allow-listed region must be a known AWS region or at least appear in the bucket. */
function checkRegions(regions, discovery) {
    for (const region of regions) {
        if ((0,logs_regions/* isKnownRegion */.Kk)(region) || discovery.regionsSeen.has(region))
            continue;
        const hint = (0,logs_regions/* nearestRegion */.$f)(region);
        throw (0,errors/* userError */.IF) `${(0,errors/* subject */.bc)(constants/* Inputs */.G0.Regions)}: '${region}' is not an AWS region${hint ? ` (did you mean ${hint}?)` : ''} and the bucket has no logs for it.`;
    }
}
/** Holds log lines back, to be printed (flush) or dropped when a later step logs the same for real. */
class DeferredLogger {
    target;
    lines = [];
    constructor(target) {
        this.target = target;
    }
    info(message) {
        this.lines.push(['info', message]);
    }
    warning(message) {
        this.lines.push(['warning', message]);
    }
    debug(message) {
        this.lines.push(['debug', message]);
    }
    group(_name, fn) {
        return fn();
    }
    flush() {
        for (const [level, message] of this.lines)
            this.target[level](message);
        this.lines.length = 0;
    }
}

// EXTERNAL MODULE: ./src/vocabulary/format.ts
var format = __webpack_require__(3057);
;// CONCATENATED MODULE: ./src/report/sync-upkeep.ts
/**
 * What a year of use brings, in the sync's report: partitions brought back in line with a changed
 * table, the partition quota, folders that are no AWS Region, warnings that did not stop the run.
 * Blocks for the summary (both front doors), notices for the run page, fields for the plan file.
 * Names from S3 and Glue go in through text()/code(); raw() carries only our own words.
 */







const ours = (markdown) => (0,report_document/* raw */.lS)(markdown);
const count = format/* formatCount */.B;
const partitions = (n) => `${count(n)} partition${n === 1 ? '' : 's'}`;
/** Column names listed before the rest are counted. */
const MAX_NAMES = 20;
function names(set) {
    const list = [...set].slice(0, MAX_NAMES);
    const more = set.size - list.length;
    // A full set stopped counting (refresh.ts): there may be more than it holds.
    const tail = set.size >= MAX_DRIFT_NAMES ? ', … and more' : `, … ${count(more)} more`;
    return list.join(', ') + (more > 0 ? tail : '');
}
/**
 * `columns added: a, b; retyped: c; another SerDe`: what differs, by name. Our words as they are,
 * column names (from Glue) through text().
 */
function driftLine(drift) {
    const parts = [];
    const columns = (what, set) => {
        if (set.size)
            parts.push([ours(`columns ${what}: `), (0,report_document/* text */.Qq)(names(set))]);
    };
    columns('added', drift.added);
    columns('removed', drift.removed);
    columns('retyped', drift.retyped);
    if (drift.reordered)
        parts.push([ours('columns reordered')]);
    if (drift.serde)
        parts.push([ours('another SerDe')]);
    if (drift.serdeParameters)
        parts.push([ours('other SerDe parameters')]);
    if (drift.formats)
        parts.push([ours('another input or output format')]);
    if (parts.length === 0)
        return [ours('another storage descriptor')];
    return parts.flatMap((part, index) => (index === 0 ? part : [ours('; '), ...part]));
}
/** The same, as plain text (log, notices). */
function describeDrift(drift) {
    return (0,report_document/* inlinePlain */.Mp)(driftLine(drift));
}
/** The refresh, in sentences a reader can act on; undefined when the shapes were not compared. */
function refreshLine(report) {
    const refresh = report.refresh;
    if (!refresh.compared)
        return undefined;
    const { own, foreign } = refresh;
    const applied = report.applied;
    const line = [];
    if (own.partitions > 0) {
        const expiring = own.partitions - refresh.planned;
        line.push(ours(applied
            ? `Refreshed ${count(applied.refreshed)} of ${partitions(refresh.planned)} of this action's to the table's storage descriptor (`
            : `Would refresh ${partitions(refresh.planned)} of this action's to the table's storage descriptor (`), ...driftLine(own), ours(`)${expiring > 0 ? `; ${count(expiring)} more expire in this run` : ''}.`));
    }
    if (foreign.partitions) {
        line.push(ours(`${line.length ? ' ' : ''}${partitions(foreign.partitions)} not made by this action ${foreign.partitions === 1 ? 'differs' : 'differ'} from the table${own.partitions ? ' too' : ''} (`), ...driftLine(foreign), ours('): left alone; Athena may fail on them with HIVE_PARTITION_SCHEMA_MISMATCH until their owner updates them.'));
    }
    if (refresh.recorded === 'denied') {
        line.push(ours(`${line.length ? ' ' : ''}The table could not record that its partitions are in line (UpdateTable denied): the next run compares again.`));
    }
    else if (refresh.recorded === 'not-yet' && applied) {
        line.push(ours(`${line.length ? ' ' : ''}The run did not finish every change: the next run compares again.`));
    }
    // Nothing differed and all went well: nothing to say.
    return line.length ? line : undefined;
}
function notRegionsLine(report) {
    const { notRegions, notRegionsOmitted } = report.discovery;
    if (notRegions.size === 0)
        return undefined;
    const list = [...notRegions]
        .map(([name, accounts]) => `${name} (${count(accounts)} account${accounts === 1 ? '' : 's'})`)
        .join(', ');
    return list + (notRegionsOmitted ? `, and ${count(notRegionsOmitted)} more folders` : '');
}
function upkeepBlocks(report) {
    const blocks = [];
    if (report.quota.exceeded) {
        blocks.push({
            kind: 'alert',
            type: 'CAUTION',
            line: [ours((0,partitions_quota/* describeQuotaRefusal */.Uf)(report.quota, report.settings.dryRun))]
        });
    }
    const quotaFailure = (0,partitions_quota/* explainQuotaFailure */.gE)(report.applied?.stoppedBy);
    if (quotaFailure)
        blocks.push({ kind: 'alert', type: 'CAUTION', line: [ours(quotaFailure)] });
    // Warnings hold names from inputs: text() escapes them.
    for (const warning of report.warnings)
        blocks.push({ kind: 'alert', type: 'WARNING', line: [(0,report_document/* text */.Qq)(warning)] });
    const refresh = refreshLine(report);
    if (refresh)
        blocks.push({ kind: 'paragraph', line: refresh });
    const notRegions = notRegionsLine(report);
    if (notRegions) {
        blocks.push({
            kind: 'paragraph',
            line: [
                ours('Folders under '),
                (0,report_document/* code */.aY)((0,logs_layout/* sourceFolder */.Id)(report.layout)),
                ours(' that are no AWS Region, given no partitions: '),
                (0,report_document/* text */.Qq)(notRegions),
                ours(`. A Region newer than this release is trusted once it is in '${constants/* Inputs */.G0.Regions}'.`)
            ]
        });
    }
    return blocks;
}
/** Lines for the run page: each folder that is no Region, and the refresh. */
function upkeepNotices(report) {
    const notices = [];
    for (const [name, accounts] of report.discovery.notRegions) {
        notices.push(`Folder ${(0,vocabulary_escape/* logQuoted */.RQ)(name)} under ${(0,logs_layout/* sourceFolder */.Id)(report.layout)} (${count(accounts)} account${accounts === 1 ? '' : 's'}) is not an AWS Region: ` +
            `no partitions for it. If it is a Region newer than this release, add it to '${constants/* Inputs */.G0.Regions}'.`);
    }
    const refresh = report.refresh;
    if (refresh.compared && refresh.own.partitions > 0) {
        const refreshed = report.applied ? report.applied.refreshed : refresh.planned;
        notices.push(`${report.applied ? 'Refreshed' : 'Would refresh'} ${partitions(refreshed)} to the table's storage descriptor ` +
            `(${(0,vocabulary_escape/* logText */.kc)(describeDrift(refresh.own))}).`);
    }
    return notices;
}
/** The plan file's view of the same. */
function upkeepPlanFields(report) {
    const drift = (d) => ({
        partitions: d.partitions,
        columnsAdded: [...d.added],
        columnsRemoved: [...d.removed],
        columnsRetyped: [...d.retyped],
        reordered: d.reordered,
        serde: d.serde,
        serdeParameters: d.serdeParameters,
        formats: d.formats
    });
    const { quota, refresh } = report;
    return {
        quota: {
            before: quota.before,
            after: quota.after,
            maxTablePartitions: quota.max,
            exceeded: quota.exceeded,
            nearLimit: quota.nearLimit
        },
        storage: {
            compared: refresh.compared,
            fingerprint: refresh.fingerprint,
            toRefresh: refresh.planned,
            ...(report.applied ? { refreshed: report.applied.refreshed } : {}),
            own: drift(refresh.own),
            foreign: drift(refresh.foreign),
            ...(refresh.recorded ? { recorded: refresh.recorded } : {})
        },
        notRegions: Object.fromEntries(report.discovery.notRegions)
    };
}

;// CONCATENATED MODULE: ./src/report/sync-groups.ts
/**
 * What happened in a sync, sorted for a reader: the routine (every series rolled by the same days) as
 * a few patterns with their count, and the exceptions, each named: new series, series whose folder is
 * gone, holes filled, removals apart from the daily roll. Works on the plan's day ranges (a compact
 * signature per series), never on lists of days, and keeps series as their positions in the plan (a
 * number each), so 110,000 series over years cost a few megabytes.
 */

const rangeKey = (ranges) => ranges.map((range) => `${range.first}-${range.last}`).join(',');
/** Same added and removed days, same signature. */
function signatureOf(add, remove) {
    return `${rangeKey(add)}|${rangeKey(remove)}`;
}
/** Collects series into groups of the same pattern. */
class PatternGroups {
    groups = new Map();
    add(position, add, remove) {
        const key = signatureOf(add, remove);
        let group = this.groups.get(key);
        if (!group)
            this.groups.set(key, (group = { add, remove, series: [] }));
        group.series.push(position);
    }
    /** Largest group first (ties: earliest series first, as the plan orders them). */
    sorted() {
        return [...this.groups.values()].sort((a, b) => b.series.length - a.series.length || (a.series[0] ?? 0) - (b.series[0] ?? 0));
    }
}
/** The changed series by pattern (series with nothing added or removed are left out). */
function changePatterns(plan) {
    const groups = new PatternGroups();
    for (const series of plan.series()) {
        if (series.addCount + series.removeCount > 0)
            groups.add(series.position, series.add, series.remove);
    }
    return groups.sorted();
}
function findExceptions(plan) {
    const { window } = plan;
    const accountsWithPartitions = new Set();
    for (let position = 0; position < plan.seriesCount; position++) {
        if (plan.statusAt(position) !== 'new')
            accountsWithPartitions.add(plan.accountAt(position));
    }
    const firstRun = accountsWithPartitions.size === 0;
    const newAccounts = new Map();
    const newRegions = new PatternGroups();
    const gone = new PatternGroups();
    const holes = new PatternGroups();
    const olderDays = new PatternGroups();
    const strayRemovals = new PatternGroups();
    for (const series of plan.series()) {
        if (series.status === 'new') {
            if (firstRun)
                continue;
            if (accountsWithPartitions.has(series.account)) {
                newRegions.add(series.position, series.add, []);
            }
            else {
                let list = newAccounts.get(series.account);
                if (!list)
                    newAccounts.set(series.account, (list = []));
                list.push(series.position);
            }
            continue;
        }
        if (series.status === 'gone')
            gone.add(series.position, [], series.remove);
        const notNewest = series.add.filter((range) => !isNewestDays(range, window));
        const older = notNewest.filter((range) => range.first === window.first);
        const holeRanges = notNewest.filter((range) => range.first !== window.first);
        if (holeRanges.length)
            holes.add(series.position, holeRanges, []);
        if (older.length)
            olderDays.add(series.position, older, []);
        const strays = series.remove.filter((range) => range.last !== window.first - 1);
        if (strays.length)
            strayRemovals.add(series.position, [], strays);
    }
    return {
        firstRun,
        newAccounts,
        newRegions: newRegions.sorted(),
        gone: gone.sorted(),
        holes: holes.sorted(),
        olderDays: olderDays.sorted(),
        strayRemovals: strayRemovals.sorted()
    };
}
/** The days that entered the window at its end: the daily roll (a longer range after a pause). */
function isNewestDays(range, window) {
    return range.last === window.last;
}
function formatRange(range) {
    return range.first === range.last
        ? (0,dates/* formatIsoDate */.d$)(range.first)
        : `${(0,dates/* formatIsoDate */.d$)(range.first)}..${(0,dates/* formatIsoDate */.d$)(range.last)}`;
}
/** At most this many ranges are written out per pattern; the rest are counted. */
const MAX_RANGES_SHOWN = 8;
/** `2026-09-01..2026-09-30, 2026-10-03`, the tail counted when there are many. */
function formatRanges(ranges) {
    const shown = ranges.slice(0, MAX_RANGES_SHOWN).map(formatRange);
    const rest = ranges.slice(MAX_RANGES_SHOWN);
    if (rest.length) {
        const days = rest.reduce((sum, range) => sum + range.last - range.first + 1, 0);
        shown.push(`… ${rest.length} more ranges (${days} days)`);
    }
    return shown.join(', ');
}
/** `+2026-12-03 · −2026-09-01`: what a pattern adds and removes. */
function formatPattern(add, remove) {
    const parts = [];
    if (add.length)
        parts.push(`+${formatRanges(add)}`);
    if (remove.length)
        parts.push(`−${formatRanges(remove)}`);
    return parts.join(' · ') || 'no change';
}
/** `111111111111 eu-west-1`. */
const seriesName = (series) => `${series.account} ${series.region}`;
/** The name of the series at a position of the plan. */
function nameAt(plan, position) {
    const id = plan.idAt(position);
    return `${plan.index.account(id)} ${plan.index.region(id)}`;
}
/**
 * Series names grouped by account, one piece an account: `111111111111: eu-west-1, us-east-1`, then
 * `222222222222: …`. Pieces are made as they are read, so a reader that stops early (a size budget)
 * never builds the rest. Accounts and regions are validated names (12 digits, AWS region form), safe
 * to write as they are.
 */
function* seriesByAccount(plan, positions) {
    let account;
    let regions = [];
    for (const position of positions) {
        const id = plan.idAt(position);
        const next = plan.index.account(id);
        if (next !== account) {
            if (account !== undefined)
                yield `${account}: ${regions.join(', ')}`;
            account = next;
            regions = [];
        }
        regions.push(plan.index.region(id));
    }
    if (account !== undefined)
        yield `${account}: ${regions.join(', ')}`;
}
/** The plan's series at some positions, worked out one at a time. */
function* seriesAtPositions(plan, positions) {
    for (const position of positions)
        yield plan.seriesAt(position);
}

;// CONCATENATED MODULE: ./src/report/summary.ts








function totalsOf(report) {
    return {
        added: report.applied ? report.applied.created : report.plan.totals.add,
        removed: report.applied ? report.applied.deleted : report.plan.totals.remove,
        unchanged: report.plan.totals.unchanged
    };
}
const number = format/* formatCount */.B;
const summary_partitions = (n) => `${number(n)} partition${n === 1 ? '' : 's'}`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** Our own wording and numbers: no escaping needed, and the Markdown stays readable. */
const summary_ours = (markdown) => (0,report_document/* raw */.lS)(markdown);
/**
 * When the sync stops before it has a report: the error and every AWS call made until then (writes
 * included), headed by the source the inputs named (the layout is not known yet).
 */
function failureSummaryDocument(message, calls, source = sources/* DEFAULT_SOURCE */.Qe) {
    return [
        { kind: 'heading', level: 2, line: [summary_ours(`${source} partitions: failed`)] },
        { kind: 'paragraph', line: [(0,report_document/* text */.Qq)(message.slice(0, 4000))] },
        { kind: 'paragraph', line: [summary_ours('AWS calls made before the failure:')] },
        callsTable(calls)
    ];
}
function renderFailureSummary(message, calls, source) {
    return renderMarkdown(failureSummaryDocument(message, calls, source));
}
/** Expected "not found" answers (is the table there yet?) have their own column: they are no failures. */
function callsTable(calls) {
    return {
        kind: 'table',
        header: ['Operation', 'Calls', 'Retries', 'Failed', 'Not found'],
        align: ['l', 'r', 'r', 'r', 'r'],
        rows: [...calls.byOperation]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([operation, stats]) => [
            [summary_ours(operation)],
            [summary_ours(number(stats.calls))],
            [summary_ours(number(stats.retries))],
            [summary_ours(number(stats.failed))],
            [summary_ours(number(stats.notFound))]
        ])
    };
}
function syncSummaryDocument(report, calls) {
    const { settings, plan, applied } = report;
    const totals = totalsOf(report);
    const dry = !applied;
    const title = report.refused ? 'refused, nothing written' : dry ? 'dry run, nothing written' : 'sync';
    const blocks = [
        { kind: 'heading', level: 2, line: [summary_ours(`${report.layout.source} partitions: ${title}`)] },
        settingsTable(report),
        {
            kind: 'paragraph',
            line: [
                summary_ours(dry
                    ? `**Would add: ${number(totals.added)} · Would remove: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**`
                    : `**Added: ${number(totals.added)} · Removed: ${number(totals.removed)} · Unchanged: ${number(totals.unchanged)}**`),
                summary_ours(` · Left alone: ${number(plan.totals.leftAlone)} · In Glue before: ${number(report.existingTotal)}`)
            ]
        }
    ];
    if (report.removals.exceeded) {
        blocks.push({
            kind: 'alert',
            type: 'CAUTION',
            // Our own words, numbers and dates only.
            line: [summary_ours((0,guards/* describeRefusal */.a2)(report.removals, plan, settings.dryRun))]
        });
    }
    blocks.push(...tableNotes(report.table, report.layout.source));
    if (applied && (applied.alreadyDone || applied.failed || applied.skipped))
        blocks.push(...failures(applied));
    blocks.push(...upkeepBlocks(report));
    const exceptions = findExceptions(plan);
    blocks.push(...exceptionBlocks(report, exceptions));
    const patterns = changePatterns(plan);
    blocks.push(...patternBlocks(report, patterns));
    const totalMs = report.timings.reduce((sum, [, ms]) => sum + ms, 0);
    const tail = [
        { kind: 'heading', level: 3, line: [summary_ours('Time and AWS calls')] },
        {
            kind: 'paragraph',
            line: [
                summary_ours(report.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(' · ') +
                    ` · total ${seconds(totalMs)}`)
            ]
        },
        callsTable(calls)
    ];
    // The per-series detail goes in while the whole summary stays within the budget.
    const size = (parts) => Buffer.byteLength((0,report_document/* renderMarkdown */.Gc)(parts));
    const changed = patterns.reduce((n, group) => n + group.series.length, 0);
    if (changed > 0) {
        const room = SUMMARY_BUDGET_BYTES - size([...blocks, detailBlock([], changed, dry), ...tail]);
        const paragraphs = detailParagraphs(plan, patterns, room);
        blocks.push(paragraphs
            ? detailBlock(paragraphs, changed, dry)
            : {
                kind: 'paragraph',
                line: [
                    summary_ours(`The per-series detail (${number(changed)} series, ${number(patterns.length)} patterns) ` +
                        'is too long for the job summary: it is in the plan file.')
                ]
            });
    }
    blocks.push(...tail);
    return blocks;
}
/**
 * GitHub drops a step summary over 1 MiB whole (limits.md). Everything but the per-series detail is
 * bounded by the row limits below; the detail goes in only while the summary stays under this.
 */
const SUMMARY_BUDGET_BYTES = 512 * 1024;
/** Rows per kind of exception, and patterns listed, before the rest is counted. */
const MAX_EXCEPTION_ROWS = 20;
const MAX_PATTERN_ROWS = 30;
/** A pattern of at most this many series names them. */
const NAMED_SERIES = 3;
/** An exception row names at most this many series. */
const NAMES_PER_ROW = 10;
function settingsTable(report) {
    const { settings, plan } = report;
    return {
        kind: 'table',
        // GFM tables have a header row: an empty one shows as a blank bar above the table.
        header: ['What', 'This run'],
        rows: [
            [
                'Table',
                [
                    (0,report_document/* code */.aY)(report.tableName),
                    summary_ours(` ${TABLE_ACTIONS[report.table.action]}, date keys ${(0,vocabulary_keys/* describeKeys */.mC)(report.keys ?? report.dateKeyType)}` +
                        (report.table.databaseCreated ? ' (database created)' : ''))
                ]
            ],
            ['Partition index', describeIndex(report.table)],
            ['Partition filtering', [summary_ours(FILTERING[report.table.partitionFiltering])]],
            ['Layout', [(0,report_document/* text */.Qq)(report.layoutDescription)]],
            [
                'Window',
                [
                    summary_ours(`${(0,dates/* formatIsoDate */.d$)(plan.window.first)} to ${(0,dates/* formatIsoDate */.d$)(plan.window.last)} ` +
                        `(as of ${(0,dates/* formatIsoDate */.d$)(settings.asOf)}, ${settings.retentionDays} days kept, ${settings.futureDays} ahead)`)
                ]
            ],
            [
                'Accounts',
                [
                    summary_ours(`${number(report.discovery.series.size)} in scope of ${number(report.discovery.accountsFound)} found`)
                ]
            ],
            ['Regions skipped', [summary_ours([...report.discovery.regionsSkipped].sort().join(', ') || 'none')]]
        ]
    };
}
function tableNotes(table, source) {
    const blocks = [];
    if (table.addColumnsStatement) {
        blocks.push({
            kind: 'paragraph',
            line: [
                summary_ours(`The table lacks ${table.missingColumns.length} column(s) of AWS's current ${source} schema (`),
                (0,report_document/* text */.Qq)(table.missingColumns.join(', ')),
                summary_ours('). Add them in Athena with:')
            ]
        }, { kind: 'code-block', language: 'sql', code: table.addColumnsStatement });
    }
    for (const warning of table.warnings)
        blocks.push({ kind: 'alert', type: 'WARNING', line: warning });
    return blocks;
}
function failures(applied) {
    const blocks = [
        {
            kind: 'paragraph',
            line: [
                summary_ours(`Already done by another run: ${number(applied.alreadyDone)} · `),
                summary_ours(`**Failed: ${number(applied.failed)}**`),
                summary_ours(' · '),
                summary_ours(`**Not attempted: ${number(applied.skipped)}**`),
                ...(applied.stoppedBy ? [summary_ours(' (stopped after: '), (0,report_document/* text */.Qq)(applied.stoppedBy), summary_ours(')')] : [])
            ]
        }
    ];
    if (applied.failures.length) {
        blocks.push({
            kind: 'table',
            header: ['Partition', 'Error'],
            rows: applied.failures.map((failure) => [
                [(0,report_document/* code */.aY)(failure.values.join('/'))],
                [(0,report_document/* text */.Qq)(`${failure.code}: ${failure.message}`.slice(0, 300))]
            ])
        });
    }
    return blocks;
}
/** `3 series: 111111111111 eu-west-1, …` with at most `max` names. */
function namedSeries(plan, series, max = NAMES_PER_ROW) {
    const names = series.slice(0, max).map((position) => nameAt(plan, position));
    if (series.length > max)
        names.push(`… ${number(series.length - max)} more`);
    return series.length === 1 ? (names[0] ?? '') : `${number(series.length)} series: ${names.join(', ')}`;
}
/** Rows of one kind of exception: series with the same days in one row. */
function exceptionRows(plan, what, groups, note) {
    const rows = groups
        .slice(0, MAX_EXCEPTION_ROWS)
        .map((group) => [
        [summary_ours(what)],
        [summary_ours(namedSeries(plan, group.series))],
        [summary_ours(formatPattern(group.add, group.remove) + (note ? note(group) : ''))]
    ]);
    const rest = groups.slice(MAX_EXCEPTION_ROWS);
    if (rest.length) {
        const series = rest.reduce((n, group) => n + group.series.length, 0);
        rows.push([
            [summary_ours(what)],
            [summary_ours(`… ${number(series)} more series`)],
            [summary_ours('in the per-series detail and the plan file')]
        ]);
    }
    return rows;
}
function exceptionBlocks(report, exceptions) {
    const { plan } = report;
    const dry = !report.applied;
    const rows = [];
    const newAccounts = [...exceptions.newAccounts];
    for (const [account, positions] of newAccounts.slice(0, MAX_EXCEPTION_ROWS)) {
        const patterns = new PatternGroups();
        const regions = [];
        for (const series of seriesAtPositions(plan, positions)) {
            patterns.add(series.position, series.add, series.remove);
            regions.push(series.region);
        }
        const [only, ...others] = patterns.sorted();
        rows.push([
            [summary_ours('New account')],
            [summary_ours(`${account}: ${regions.join(', ')}`)],
            [summary_ours(only && others.length === 0 ? formatPattern(only.add, []) : 'several patterns')]
        ]);
    }
    if (newAccounts.length > MAX_EXCEPTION_ROWS) {
        rows.push([
            [summary_ours('New account')],
            [summary_ours(`… ${number(newAccounts.length - MAX_EXCEPTION_ROWS)} more accounts`)],
            [summary_ours('in the per-series detail and the plan file')]
        ]);
    }
    rows.push(...exceptionRows(plan, 'New region', exceptions.newRegions));
    rows.push(...exceptionRows(plan, 'Folder gone from the bucket', exceptions.gone, (group) => {
        let kept = 0;
        for (const series of seriesAtPositions(plan, group.series))
            kept += series.leftAlone;
        return kept ? ` (${summary_partitions(kept)} in or after the window left alone)` : '';
    }));
    rows.push(...exceptionRows(plan, 'Hole filled', exceptions.holes));
    rows.push(...exceptionRows(plan, "Older days added at the window's start", exceptions.olderDays));
    rows.push(...exceptionRows(plan, 'Removed, not the days that just expired', exceptions.strayRemovals));
    rows.push(...leftAloneRows(report));
    const blocks = [{ kind: 'heading', level: 3, line: [summary_ours('Exceptions')] }];
    if (exceptions.firstRun) {
        let created = 0;
        for (let position = 0; position < plan.seriesCount; position++) {
            if (plan.statusAt(position) === 'new')
                created += 1;
        }
        if (created) {
            blocks.push({
                kind: 'paragraph',
                line: [
                    summary_ours(`First sync of this table: all ${number(created)} series ${dry ? 'would get' : 'got'} their first partitions.`)
                ]
            });
        }
    }
    if (rows.length === 0) {
        blocks.push({
            kind: 'paragraph',
            line: [
                summary_ours(exceptions.firstRun
                    ? 'Nothing else: no vanished series, nothing removed, nothing left alone.'
                    : 'None: no new or vanished series, no holes or older days added, nothing removed apart from the roll, nothing left alone.')
            ]
        });
        return blocks;
    }
    blocks.push({
        kind: 'table',
        header: [
            'What',
            'Series',
            dry ? 'Days (+ would add, − would remove), or why' : 'Days (+ added, − removed), or why'
        ],
        rows
    });
    return blocks;
}
/** Partitions the run did not touch, and why. */
function leftAloneRows(report) {
    const { leftAlone, foreignBySeries, index } = report.plan;
    const rows = [];
    const bySeries = (reason) => {
        const names = [];
        let series = 0;
        for (const [id, counts] of foreignBySeries) {
            if (counts[reason] === 0)
                continue;
            series += 1;
            if (names.length < NAMES_PER_ROW)
                names.push(`${index.account(id)} ${index.region(id)}`);
        }
        if (series === 0)
            return '';
        return ` in ${number(series)} series: ${names.join(', ')}${series > names.length ? ', …' : ''}`;
    };
    if (leftAlone.otherLocation) {
        rows.push([
            [summary_ours('Left alone: another location')],
            [summary_ours(`${summary_partitions(leftAlone.otherLocation)}${bySeries('location')}`)],
            [summary_ours("our values, but not at the logs' path for this layout (another bucket or organization)")]
        ]);
    }
    if (leftAlone.otherForm) {
        rows.push([
            [summary_ours('Left alone: another form')],
            [summary_ours(`${summary_partitions(leftAlone.otherForm)}${bySeries('form')}`)],
            [summary_ours('values not in the form this action writes (unpadded, not a day, other keys)')]
        ]);
    }
    if (leftAlone.outsideAllowLists) {
        const regions = [...leftAlone.outsideRegions].sort();
        const accounts = [...leftAlone.outsideAccounts].sort();
        const which = [
            regions.length
                ? `regions ${regions.slice(0, NAMES_PER_ROW).join(', ')}${regions.length > NAMES_PER_ROW ? ', …' : ''}`
                : '',
            accounts.length
                ? `accounts ${accounts.slice(0, NAMES_PER_ROW).join(', ')}${accounts.length > NAMES_PER_ROW ? ', …' : ''}`
                : ''
        ].filter(Boolean);
        rows.push([
            [summary_ours('Left alone: outside the allow-lists')],
            [
                summary_ours(`${number(leftAlone.outsideAllowLists)} partitions in ${number(leftAlone.outsideSeries)} series`)
            ],
            [summary_ours(which.join('; '))]
        ]);
    }
    if (leftAlone.afterWindow) {
        rows.push([
            [summary_ours('Left alone: after the window')],
            [summary_ours(summary_partitions(leftAlone.afterWindow))],
            [summary_ours(`later than ${(0,dates/* formatIsoDate */.d$)(report.plan.window.last)}: not provably expired`)]
        ]);
    }
    const skipped = [...report.discovery.regionsSkipped].sort();
    if (skipped.length) {
        rows.push([
            [summary_ours('Logs outside the allow-list')],
            [summary_ours(skipped.join(', '))],
            [summary_ours("regions in the bucket but not in 'regions': no partitions")]
        ]);
    }
    return rows;
}
function patternBlocks(report, patterns) {
    const dry = !report.applied;
    const changed = patterns.reduce((n, group) => n + group.series.length, 0);
    const all = report.plan.seriesCount;
    if (changed === 0) {
        return [
            {
                kind: 'paragraph',
                line: [summary_ours(`No changes: all ${number(all)} account/region series are up to date.`)]
            }
        ];
    }
    const items = patterns
        .slice(0, MAX_PATTERN_ROWS)
        .map((group) => [
        summary_ours(`${number(group.series.length)} series · ${formatPattern(group.add, group.remove)}` +
            (group.series.length <= NAMED_SERIES
                ? ` (${group.series.map((position) => nameAt(report.plan, position)).join(', ')})`
                : ''))
    ]);
    const rest = patterns.slice(MAX_PATTERN_ROWS);
    if (rest.length) {
        const series = rest.reduce((n, group) => n + group.series.length, 0);
        items.push([
            summary_ours(`… ${number(rest.length)} more patterns (${number(series)} series) in the per-series detail and the plan file`)
        ]);
    }
    const unchanged = all - changed;
    if (unchanged > 0)
        items.push([summary_ours(`${number(unchanged)} series unchanged`)]);
    const blocks = [
        {
            kind: 'heading',
            level: 3,
            line: [
                summary_ours(`${dry ? 'What would change' : 'What changed'} (${number(changed)} of ${number(all)} series; ` +
                    `${dry ? '+ would add, − would remove' : '+ added, − removed'})`)
            ]
        },
        { kind: 'list', items }
    ];
    const applied = report.applied;
    if (applied && (applied.failed || applied.skipped)) {
        blocks.push({
            kind: 'paragraph',
            line: [summary_ours('These are the planned changes; see above for what failed or was not attempted.')]
        });
    }
    return blocks;
}
/**
 * One paragraph a pattern naming every series under it, while their Markdown stays within `room`
 * bytes; undefined (and nothing more built) as soon as it would not: the plan file has the detail.
 */
function detailParagraphs(plan, patterns, room) {
    const paragraphs = [];
    let used = 0;
    for (const group of patterns) {
        const parts = [`**${formatPattern(group.add, group.remove)}** (${number(group.series.length)}): `];
        used += Buffer.byteLength(parts[0]) + (paragraphs.length ? 2 : 0);
        let first = true;
        for (const piece of seriesByAccount(plan, group.series)) {
            const text = first ? piece : ` · ${piece}`;
            first = false;
            used += Buffer.byteLength(text);
            if (used > room)
                return undefined;
            parts.push(text);
        }
        if (used > room)
            return undefined;
        paragraphs.push({ kind: 'paragraph', line: [summary_ours(parts.join(''))] });
    }
    return paragraphs;
}
/** Every changed series under its pattern, by account: the full detail, collapsed. */
function detailBlock(paragraphs, series, dry) {
    return {
        kind: 'details',
        summary: `Every changed series by pattern (${(0,format/* formatCount */.B)(series)} series, ${dry ? '+ would add, − would remove' : '+ added, − removed'})`,
        blocks: paragraphs
    };
}
function renderSummary(report, calls) {
    return renderMarkdown(syncSummaryDocument(report, calls));
}
const TABLE_ACTIONS = {
    validated: 'validated',
    created: 'created',
    'would-create': 'would be created'
};
const FILTERING = {
    enabled: 'on',
    'enabled-now': 'turned on (partition_filtering.enabled=true)',
    'would-enable': 'would be turned on',
    off: 'off'
};
function describeIndex(table) {
    const index = table.index;
    if (!index)
        return [summary_ours('none (set partition-index: true to add one)')];
    if (index.action === 'no-slot')
        return [summary_ours('none usable; no slot left (3 indexes)')];
    if (index.action === 'failed') {
        return [(0,report_document/* code */.aY)(index.name ?? ''), summary_ours(' FAILED: delete it and run again (see the log)')];
    }
    const what = [
        (0,report_document/* code */.aY)(index.name ?? 'cloudtrail_partitions_by_date'),
        summary_ours(` (${(index.keys ?? ['year', 'month', 'day']).join(', ')})`)
    ];
    if (index.action === 'would-create')
        return [...what, summary_ours(' would be created')];
    const status = index.status === 'CREATING' ? 'CREATING, still building' : (index.status ?? 'unknown');
    return [...what, summary_ours(` ${index.action === 'created' ? 'created' : 'present'}, ${status}`)];
}

;// CONCATENATED MODULE: ./src/run/settle-sync.ts
/**
 * What a sync came to, worked out once for both front doors: done (with its totals, the one-line
 * summary and, when changes failed, what failed), refused by the removal guard before any write,
 * or failed before it had a report. Each door renders it its own way: outputs, the job summary and
 * notices in the action; stdout, stderr and the exit code on the command line.
 */






async function settleSync(run, wording = (error) => error.message) {
    let report;
    try {
        report = await run;
    }
    catch (error) {
        if (error instanceof guards/* SyncRefused */.C$) {
            return {
                kind: 'refused',
                report: error.report,
                error: error
            };
        }
        const message = error instanceof errors/* ConfigurationError */.j1
            ? wording(error)
            : ((0,aws_clients/* explainAwsError */.Ni)(error) ??
                (error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
        return { kind: 'failed', error, message };
    }
    const totals = totalsOf(report);
    const dry = report.settings.dryRun;
    const summary = `${dry ? 'dry run: would add' : 'added'} ${totals.added}, ${dry ? 'would remove' : 'removed'} ` +
        `${totals.removed}, unchanged ${totals.unchanged} partitions in ${report.tableName}`;
    const applied = report.applied;
    return {
        kind: 'done',
        report,
        totals,
        summary,
        ...(applied && applied.failed > 0
            ? {
                failedChanges: describeFailedChanges(applied),
                rerunCompletes: (0,partitions_quota/* explainQuotaFailure */.gE)(applied.stoppedBy) === undefined
            }
            : {})
    };
}
/**
 * `3 partition change(s) failed (stopped after: X); 10 created and 0 removed were applied, 5 not
 * attempted.`, and what Glue's partition quota means when that is what stopped it.
 */
function describeFailedChanges(applied) {
    const quota = (0,partitions_quota/* explainQuotaFailure */.gE)(applied.stoppedBy);
    return (`${applied.failed} partition change(s) failed` +
        (applied.stoppedBy ? ` (stopped after: ${applied.stoppedBy})` : '') +
        `; ${applied.created} created and ${applied.deleted} removed` +
        (applied.refreshed ? ` and ${applied.refreshed} refreshed` : '') +
        ` were applied, ${applied.skipped} not attempted.` +
        (quota ? ` ${quota}` : ''));
}
/**
 * The report of the outcome: the sync's summary (also for a refused run: what it would have done),
 * or, when it failed after AWS calls (table setup may already have written), the error and every
 * call made. Nothing when it failed before any call: the error says it all.
 */
function outcomeDocument(outcome, calls, source) {
    if (outcome.kind !== 'failed')
        return syncSummaryDocument(outcome.report, calls);
    return calls.total > 0 ? failureSummaryDocument(outcome.message, calls, source) : undefined;
}
/** What a run changed in AWS, when it did: for a door that could not show its report. */
function changesApplied(outcome) {
    if (outcome.kind !== 'done' || !outcome.report.applied)
        return undefined;
    const { created, deleted, refreshed } = outcome.report.applied;
    if (created + deleted + refreshed === 0)
        return undefined;
    return (`the sync's changes were applied and stand (added ${formatCount(created)}, ` +
        `removed ${formatCount(deleted)}` +
        (refreshed ? `, refreshed ${formatCount(refreshed)}` : '') +
        ` partitions in ${outcome.report.tableName})`);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/report/plan-file.ts
/**
 * The machine-readable plan: per (account, region), the day ranges added and removed, so a later
 * step (or a person reviewing a dry run) sees exactly what the run did or would do.
 *
 * At Glue's largest table the plan names 110,000 series (tens of megabytes of JSON), so it is never
 * built whole: the document is written as a stream of text, one series at a time, worked out from
 * the plan's bits as it goes. The file is written to a temporary file beside it and renamed, so a
 * reader never sees half a plan; and a path that is not a regular file (a FIFO would block the run,
 * a device such as /dev/full fails midway) is refused before the sync writes anything.
 */












const PLAN_FILE_VERSION = 1;
/** Text is handed on in pieces of about this size. */
const CHUNK_CHARS = 64 * 1024;
const isoRange = (range) => [
    (0,dates/* formatIsoDate */.d$)(range.first),
    (0,dates/* formatIsoDate */.d$)(range.last)
];
/** Everything but the series: small, whatever the size of the organization. */
function planHead(report) {
    const { plan, applied, settings } = report;
    return {
        version: PLAN_FILE_VERSION,
        dryRun: settings.dryRun,
        table: report.tableName,
        dateKeyType: report.dateKeyType,
        ...(report.keys && report.keys.date.kind !== 'parts' ? { keys: (0,vocabulary_keys/* describeKeys */.mC)(report.keys) } : {}),
        layout: {
            source: report.layout.source,
            kind: report.layout.kind,
            organizationId: report.layout.organizationId,
            bucket: settings.bucket,
            prefix: settings.prefix
        },
        asOf: (0,dates/* formatIsoDate */.d$)(settings.asOf),
        window: isoRange(plan.window),
        totals: { ...totalsOf(report), leftAlone: plan.totals.leftAlone, planned: plan.totals },
        leftAlone: {
            otherLocation: plan.leftAlone.otherLocation,
            otherForm: plan.leftAlone.otherForm,
            outsideAllowLists: plan.leftAlone.outsideAllowLists,
            afterWindow: plan.leftAlone.afterWindow,
            folderGone: plan.leftAlone.folderGone
        },
        // The removal guard: distinct days the plan removes, and whether that refused (or would refuse) the run.
        removals: {
            days: report.removals.days,
            oldest: report.removals.oldest === undefined ? null : (0,dates/* formatIsoDate */.d$)(report.removals.oldest),
            newest: report.removals.newest === undefined ? null : (0,dates/* formatIsoDate */.d$)(report.removals.newest),
            maxRemoveDays: report.removals.max,
            exceeded: report.removals.exceeded
        },
        ...upkeepPlanFields(report),
        ...(report.refused ? { refused: true } : {}),
        ...(applied
            ? {
                applied: {
                    created: applied.created,
                    deleted: applied.deleted,
                    refreshed: applied.refreshed,
                    alreadyDone: applied.alreadyDone,
                    failed: applied.failed,
                    skipped: applied.skipped,
                    failures: applied.failures,
                    stoppedBy: applied.stoppedBy
                }
            }
            : {})
    };
}
/** One entry of `series`: a changed series, or one whose folder is gone even when nothing of it expired yet. */
function seriesEntry(report, series) {
    if (series.addCount + series.removeCount === 0 && series.status !== 'gone')
        return undefined;
    const applied = report.applied;
    return {
        account: series.account,
        region: series.region,
        status: series.status,
        add: series.add.map(isoRange),
        remove: series.remove.map(isoRange),
        unchanged: series.unchanged,
        // `add` and `remove` are the plan; on a run that stopped early, these say what was applied.
        ...(applied ? { applied: applied.bySeries.get(series.id) } : {})
    };
}
/**
 * The plan document as JSON text, in pieces of about 64 KB: the same text as
 * `JSON.stringify(document, null, 2)` with `series` last, never the whole of it in memory.
 */
function* planJsonChunks(report) {
    const head = JSON.stringify(planHead(report), null, 2);
    let chunk = `${head.slice(0, head.lastIndexOf('\n}'))},\n  "series": [`;
    let entries = 0;
    for (const series of report.plan.series()) {
        const entry = seriesEntry(report, series);
        if (!entry)
            continue;
        chunk += `${entries++ ? ',' : ''}\n    ${JSON.stringify(entry, null, 2).replace(/\n/g, '\n    ')}`;
        if (chunk.length >= CHUNK_CHARS) {
            yield chunk;
            chunk = '';
        }
    }
    yield `${chunk}${entries ? '\n  ' : ''}]\n}\n`;
}
/** Writes the plan to any stream that takes text (the command line's stdout for --json). */
function writePlanJson(out, report) {
    for (const chunk of planJsonChunks(report))
        out.write(chunk);
}
/** Writing the plan file failed after the run: the run's report is already out, the run still fails. */
class PlanFileError extends Error {
}
/**
 * Writes the plan file atomically: streamed into a temporary file in the same folder, then renamed
 * over the path (a link is followed to its file). On failure the temporary file is removed.
 */
async function writePlanFile(path, report) {
    const target = await (0,external_node_fs_promises_.realpath)(path).catch(() => path);
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(target), `.${(0,external_node_path_.basename)(target)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        // Checked again: a link switched to a device since the check must not have the device replaced.
        const existing = await (0,external_node_fs_promises_.stat)(target).catch(() => undefined);
        if (existing && !existing.isFile())
            throw new Error(`${kindOf(existing)}, no longer a regular file`);
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(planJsonChunks(report)), (0,external_node_fs_.createWriteStream)(temporary, { flags: 'wx' }));
        await (0,external_node_fs_promises_.rename)(temporary, target);
    }
    catch (error) {
        await (0,external_node_fs_promises_.rm)(temporary, { force: true });
        const { code, message } = error;
        throw new PlanFileError(`Writing the plan file '${path}' failed (${code ? `${code}: ` : ''}${message}). The sync itself ` +
            'has finished and its report is written; free some space or give another path for the next run.');
    }
}
/** Writes the plan file; why it failed, or undefined once written (for the door to report its way). */
async function planFileFailure(path, report) {
    try {
        await writePlanFile(path, report);
        return undefined;
    }
    catch (error) {
        if (error instanceof PlanFileError)
            return error.message;
        throw error;
    }
}
/**
 * Refuses, before the sync writes anything, a plan file that could not be written whole: anything
 * but a regular file or a new name in an existing folder (a folder, a FIFO, a device, a missing
 * folder), or a place this process may not write. Found after the changes, it cost the run its report.
 */
async function checkPlanFile(path) {
    const refuse = (why) => {
        throw new errors/* ConfigurationError */.j1(`Input '${constants/* Inputs */.G0.PlanFile}': '${path}' cannot be written (${why}). ` +
            'Give the path of a regular file in an existing, writable folder, or leave it empty for the default.');
    };
    // stat follows links: a link to a device is a device.
    const existing = await (0,external_node_fs_promises_.stat)(path).catch((error) => {
        if (error.code === 'ENOENT')
            return undefined;
        return refuse(describeErrno(error));
    });
    if (existing && !existing.isFile())
        refuse(kindOf(existing));
    const target = existing ? await (0,external_node_fs_promises_.realpath)(path) : path;
    const folder = await (0,external_node_fs_promises_.stat)((0,external_node_path_.dirname)(target)).catch((error) => refuse(error.code === 'ENOENT' ? 'its folder does not exist' : describeErrno(error)));
    if (!folder.isDirectory())
        refuse('its folder is not a folder');
    // The temporary file is created in the folder; an existing file that is read-only is not replaced.
    await (0,external_node_fs_promises_.access)((0,external_node_path_.dirname)(target), external_node_fs_.constants.W_OK | external_node_fs_.constants.X_OK).catch(() => refuse('its folder is not writable'));
    if (existing)
        await (0,external_node_fs_promises_.access)(target, external_node_fs_.constants.W_OK).catch(() => refuse('the file is read-only'));
}
function describeErrno(error) {
    if (error.code === 'ENOTDIR')
        return 'a part of its path is a file, not a folder';
    if (error.code === 'EACCES')
        return 'permission denied';
    return error.code ?? error.message;
}
function kindOf(stats) {
    if (stats.isDirectory())
        return 'it is a folder';
    if (stats.isFIFO())
        return 'it is a FIFO';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'it is a device';
    if (stats.isSocket())
        return 'it is a socket';
    return 'it is not a regular file';
}

;// CONCATENATED MODULE: ./src/report/sync-notices.ts
/**
 * The sync's exceptions that deserve a line on the run page: a new account or region, and logs in a
 * region outside the `regions` allow-list. GitHub shows 10 notices per step and drops the rest
 * silently (limits.md), so the tenth says how many more the job summary has.
 */



const NOTICES_PER_STEP = 10;
function syncNotices(report, exceptions = findExceptions(report.plan)) {
    const { plan } = report;
    const dry = !report.applied;
    const get = dry ? 'would get' : 'got';
    const notices = [];
    // Only the first ten are shown: the rest are counted, not written.
    let total = 0;
    const notice = (make) => {
        total += 1;
        if (notices.length < NOTICES_PER_STEP)
            notices.push(make());
    };
    if (exceptions.firstRun) {
        let series = 0;
        const accounts = new Set();
        for (let position = 0; position < plan.seriesCount; position++) {
            if (plan.statusAt(position) !== 'new')
                continue;
            series += 1;
            accounts.add(plan.accountAt(position));
        }
        if (series) {
            notice(() => `First sync of this table: ${series} series in ${accounts.size} account(s) ${get} their first partitions.`);
        }
    }
    for (const [account, positions] of exceptions.newAccounts) {
        notice(() => {
            const series = [...seriesAtPositions(plan, positions)];
            return (`New account ${account}: ${series.map((s) => s.region).join(', ')} ${get} first partitions ` +
                `(${formatPattern(series[0]?.add ?? [], [])}).`);
        });
    }
    for (const group of exceptions.newRegions) {
        for (const position of group.series) {
            notice(() => {
                const id = plan.idAt(position);
                return (`New region ${plan.index.region(id)} for account ${plan.index.account(id)}: ${get} first ` +
                    `partitions (${formatPattern(group.add, [])}).`);
            });
        }
    }
    for (const region of [...report.discovery.regionsSkipped].sort()) {
        notice(() => `Logs in ${region}, outside the '${constants/* Inputs */.G0.Regions}' allow-list: no partitions for them. ` +
            `Add ${region} to '${constants/* Inputs */.G0.Regions}' to query them in Athena.`);
    }
    for (const line of upkeepNotices(report))
        notice(() => line);
    if (total <= NOTICES_PER_STEP)
        return notices;
    const more = total - (NOTICES_PER_STEP - 1);
    notices[NOTICES_PER_STEP - 1] =
        `${more} more exceptions (new accounts or regions, regions outside the allow-list): see the job summary.`;
    return notices;
}

;// CONCATENATED MODULE: ./src/commands/sync.ts
/**
 * `command: sync` wired to GitHub: inputs -> credentials -> runSync -> outputs, job summary, notices
 * for the exceptions, then the plan file (last: the report is written even if it cannot be), and a
 * failed step when any change failed, a guard refused, or the plan file could not be written.
 */












async function syncCommand(logger) {
    const settings = (0,inputs/* readSyncSettings */.nO)((name) => core/* getInput */.V4(name));
    const credentials = (0,aws_credentials/* credentialsFor */.Og)(settings.credentials, settings.awsRegion, (audience) => core/* getIDToken */.V9(audience), logger);
    logger.info(credentials ? `credentials: GitHub OIDC -> ${settings.credentials.roleToAssume}` : 'credentials: ambient');
    const clients = (0,aws_clients/* createClients */.hP)(settings.awsRegion, credentials);
    const planFile = settings.planFile || (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'cloudtrail-partitions-plan.json');
    await checkPlanFile(planFile);
    const outcome = await settleSync(runSync({
        ...settings,
        table: (0,inputs/* tableRefOf */.lS)(settings)
    }, clients, logger));
    const document = outcomeDocument(outcome, clients.calls, settings.source);
    if (outcome.kind !== 'done') {
        if (document)
            await writeSummary((0,report_document/* renderMarkdown */.Gc)(document));
        // Refused before any write: the plan shows what the run would have done; the refusal stays the error.
        if (outcome.kind === 'refused') {
            const failure = await planFileFailure(planFile, outcome.report);
            if (failure)
                logger.warning(failure);
            else
                core/* setOutput */.uH(constants/* Outputs */.tY.PlanFile, planFile);
        }
        throw outcome.error;
    }
    const { report, totals } = outcome;
    core/* setOutput */.uH(constants/* Outputs */.tY.Added, totals.added);
    core/* setOutput */.uH(constants/* Outputs */.tY.Removed, totals.removed);
    core/* setOutput */.uH(constants/* Outputs */.tY.Unchanged, totals.unchanged);
    core/* setOutput */.uH(constants/* Outputs */.tY.Summary, outcome.summary);
    if (document)
        await writeSummary((0,report_document/* renderMarkdown */.Gc)(document));
    for (const notice of syncNotices(report))
        core/* notice */.lm(notice, { title: `${report.layout.source} partitions` });
    logger.info(outcome.summary);
    if (outcome.failedChanges) {
        core/* setFailed */.C1(`${outcome.failedChanges} See the job summary${outcome.rerunCompletes === false ? '.' : '; a rerun completes the rest.'}`);
    }
    // Last: whatever happens to it, the summary and the outputs above are already written.
    const failure = await planFileFailure(planFile, report);
    if (failure)
        core/* setFailed */.C1(failure);
    else
        core/* setOutput */.uH(constants/* Outputs */.tY.PlanFile, planFile);
}
async function writeSummary(markdown) {
    if (process.env.GITHUB_STEP_SUMMARY)
        await core/* summary */.z.addRaw(markdown).write();
}


/***/ })

};
