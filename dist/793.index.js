export const id = 793;
export const ids = [793];
export const modules = {

/***/ 8101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown),
/* harmony export */   Mp: () => (/* binding */ inlinePlain),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   lS: () => (/* binding */ raw)
/* harmony export */ });
/* unused harmony exports strong, inlineMarkdown */
/* harmony import */ var _vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(153);
/**
 * A report as a small tree of blocks (headings, paragraphs, tables, lists, collapsed details), so that
 * one report renders as Markdown for the job summary and the pull-request comment, and as plain text
 * for a terminal (the command line). Untrusted text goes in as `text()`/`code()` and is escaped by the
 * renderer; only our own Markdown goes in as `raw()`.
 */

const text = (value) => ({ kind: 'text', value });
const code = (value) => ({ kind: 'code', value });
const strong = (value) => ({ kind: 'strong', value });
/** Our own Markdown, with its plain-text form for terminals. Never pass untrusted text here. */
const raw = (markdown, plain = markdown) => ({ kind: 'raw', markdown, plain });
const asInlines = (line) => (typeof line === 'string' ? [text(line)] : line);
/** `inTable`: the line is a table cell, where `|` must be escaped even in code. */
function inlineMarkdown(line, inTable = false) {
    return asInlines(line)
        .map((part) => {
        switch (part.kind) {
            case 'text':
                return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(part.value);
            case 'code':
                return (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(part.value, inTable);
            case 'strong':
                return `**${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(part.value)}**`;
            case 'raw':
                return part.markdown;
        }
    })
        .join('');
}
function inlinePlain(line) {
    return asInlines(line)
        .map((part) => (part.kind === 'raw' ? part.plain : part.value.replace(/\s+/g, ' ')))
        .join('');
}
function renderMarkdown(blocks) {
    return blocks.map(blockMarkdown).join('\n\n') + '\n';
}
function blockMarkdown(block) {
    switch (block.kind) {
        case 'heading':
            return `${'#'.repeat(block.level)} ${inlineMarkdown(block.line)}`;
        case 'paragraph':
            return inlineMarkdown(block.line);
        case 'list':
            return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
        case 'table': {
            const align = block.header.map((_, i) => (block.align?.[i] === 'r' ? '---:' : '---'));
            return [
                `| ${block.header.map((h) => (0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownText */ .p7)(h)).join(' | ')} |`,
                `| ${align.join(' | ')} |`,
                ...block.rows.map((row) => `| ${row.map((cell) => inlineMarkdown(cell, true)).join(' | ')} |`)
            ].join('\n');
        }
        case 'details':
            return [
                // GitHub shows an HTML block's text as it is: Markdown escapes there would show as backslashes.
                `<details><summary>${(0,_vocabulary_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(block.summary)}</summary>`,
                '',
                renderMarkdown(block.blocks).trimEnd(),
                '',
                '</details>'
            ].join('\n');
        case 'code-block': {
            const longest = Math.max(2, ...(block.code.match(/`{3,}/g) ?? []).map((run) => run.length));
            const fence = '`'.repeat(longest + 1);
            return `${fence}${block.language}\n${block.code}\n${fence}`;
        }
        case 'alert':
            return `> [!${block.type}]\n> ${inlineMarkdown(block.line)}`;
    }
}


/***/ }),

/***/ 4662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ documentedTable)
});

;// CONCATENATED MODULE: ./src/table/documented/types.ts
/** Hive's default storage (STORED AS TEXTFILE), which a DDL without STORED AS gets. */
const TEXT_INPUT_FORMAT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT_FORMAT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
const HCATALOG_JSON_SERDE = 'org.apache.hive.hcatalog.data.JsonSerDe';
const OPENX_JSON_SERDE = 'org.openx.data.jsonserde.JsonSerDe';

;// CONCATENATED MODULE: ./src/table/documented/cloudtrail.ts
/**
 * The CloudTrail table as AWS currently documents it for Athena: columns (with the nested struct
 * types of useridentity, resources, addendum and tlsdetails), SerDe and formats.
 *
 * Sources: Amazon Athena User Guide, "Create a table for CloudTrail logs in Athena using manual
 * partitioning" (docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table.html) and "Create a
 * table for an organization trail" (create-cloudtrail-table-org-wide-trail.html); the column order is
 * the manual-partitioning page's. AWS writes the types in upper case; Glue stores them lower case
 * without spaces, as below.
 */

const CLOUDTRAIL_COLUMNS = [
    ['eventversion', 'string'],
    [
        'useridentity',
        'struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,onbehalfof:struct<userid:string,identitystorearn:string>,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,ec2roledelivery:string,webidfederationdata:struct<federatedprovider:string,attributes:map<string,string>>>>'
    ],
    ['eventtime', 'string'],
    ['eventsource', 'string'],
    ['eventname', 'string'],
    ['awsregion', 'string'],
    ['sourceipaddress', 'string'],
    ['useragent', 'string'],
    ['errorcode', 'string'],
    ['errormessage', 'string'],
    ['requestparameters', 'string'],
    ['responseelements', 'string'],
    ['additionaleventdata', 'string'],
    ['requestid', 'string'],
    ['eventid', 'string'],
    ['resources', 'array<struct<arn:string,accountid:string,type:string>>'],
    ['eventtype', 'string'],
    ['apiversion', 'string'],
    ['readonly', 'string'],
    ['recipientaccountid', 'string'],
    ['serviceeventdetails', 'string'],
    ['sharedeventid', 'string'],
    ['vpcendpointid', 'string'],
    ['vpcendpointaccountid', 'string'],
    ['eventcategory', 'string'],
    ['addendum', 'struct<reason:string,updatedfields:string,originalrequestid:string,originaleventid:string>'],
    ['sessioncredentialfromconsole', 'string'],
    ['edgedevicedetails', 'string'],
    ['tlsdetails', 'struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>']
];
/** Reads the `{"Records": [...]}` wrapper of every CloudTrail log file, Insights included. */
const CLOUDTRAIL_INPUT_FORMAT = 'com.amazon.emr.cloudtrail.CloudTrailInputFormat';
const CLOUDTRAIL_TABLE = {
    source: 'CloudTrail',
    columns: CLOUDTRAIL_COLUMNS,
    // AWS notes the older CloudTrailSerde does not handle the newer fields; both read the files.
    serde: HCATALOG_JSON_SERDE,
    serdeParameters: {},
    inputFormat: CLOUDTRAIL_INPUT_FORMAT,
    outputFormat: TEXT_OUTPUT_FORMAT,
    tableParameters: {},
    classification: 'cloudtrail',
    acceptedSerdes: [HCATALOG_JSON_SERDE, 'com.amazon.emr.hive.serde.CloudTrailSerde'],
    columnsByName: true,
    documentation: 'https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-org-wide-trail.html'
};

;// CONCATENATED MODULE: ./src/table/documented/cloudtrail-insight.ts
/**
 * A table for CloudTrail Insights events. AWS documents none (the Athena user guide's CloudTrail
 * pages cover management, data and network activity events), so this one is designed from AWS's
 * documented record: "CloudTrail record contents for Insights events for trails"
 * (docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html), the
 * fields in that page's order, and CloudTrail's SerDe and input format, because "all event types
 * use a CloudTrail JSON log format ... enclosed in a Records array" ("Understanding CloudTrail
 * events", cloudtrail-events.html). Averages are decimals in AWS's example (9.82222E-5), durations
 * whole minutes.
 */


const VALUE_AVERAGES = 'array<struct<value:string,average:double>>';
const CLOUDTRAIL_INSIGHT_TABLE = {
    source: 'CloudTrail-Insight',
    columns: [
        ['eventversion', 'string'],
        ['eventtype', 'string'],
        ['eventid', 'string'],
        ['eventtime', 'string'],
        ['awsregion', 'string'],
        ['recipientaccountid', 'string'],
        ['sharedeventid', 'string'],
        [
            'insightdetails',
            'struct<state:string,eventsource:string,eventname:string,insighttype:string,insightcontext:' +
                'struct<statistics:struct<baseline:struct<average:double>,insight:struct<average:double>,' +
                `insightduration:int,baselineduration:int>,attributions:array<struct<attribute:string,insight:${VALUE_AVERAGES},baseline:${VALUE_AVERAGES}>>>>`
        ],
        ['eventcategory', 'string']
    ],
    serde: HCATALOG_JSON_SERDE,
    serdeParameters: {},
    inputFormat: CLOUDTRAIL_INPUT_FORMAT,
    outputFormat: TEXT_OUTPUT_FORMAT,
    tableParameters: {},
    classification: 'cloudtrail',
    acceptedSerdes: [HCATALOG_JSON_SERDE, OPENX_JSON_SERDE],
    columnsByName: true,
    documentation: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html',
    designedFrom: "AWS's documented Insights record (no Athena table for Insights is documented)"
};

;// CONCATENATED MODULE: ./src/table/documented/config.ts
/**
 * The AWS Config table as the AWS Knowledge Center documents it for Athena: "How can I use the
 * number of CIs recorded per month to understand AWS Config billing?"
 * (repost.aws/knowledge-center/retrieve-aws-config-items-per-month). The JSON SerDe without
 * STORED AS, so Athena's default text formats. AWS's table has no partitions (its location is one
 * account and Region): the partition keys are the action's, as for CloudTrail.
 */

const CONFIG_TABLE = {
    source: 'Config',
    columns: [
        ['fileversion', 'string'],
        ['configsnapshotid', 'string'],
        [
            'configurationitems',
            'array<struct<configurationitemversion:string,configurationitemcapturetime:string,configurationstateid:bigint,' +
                'awsaccountid:string,configurationitemstatus:string,resourcetype:string,resourceid:string,resourcename:string,' +
                'arn:string,awsregion:string,availabilityzone:string,configurationstatemd5hash:string,resourcecreationtime:string>>'
        ]
    ],
    serde: HCATALOG_JSON_SERDE,
    serdeParameters: {},
    inputFormat: TEXT_INPUT_FORMAT,
    outputFormat: TEXT_OUTPUT_FORMAT,
    tableParameters: {},
    classification: 'json',
    acceptedSerdes: [HCATALOG_JSON_SERDE, OPENX_JSON_SERDE],
    columnsByName: true,
    documentation: 'https://repost.aws/knowledge-center/retrieve-aws-config-items-per-month',
    designedFrom: "AWS's unpartitioned table, with the action's partition keys"
};

;// CONCATENATED MODULE: ./src/table/documented/elasticloadbalancing.ts
/**
 * The table for Application Load Balancer access logs as AWS documents it for Athena: "Create the
 * table for ALB access logs" (docs.aws.amazon.com/athena/latest/ug/create-alb-access-logs-table.html),
 * the columns up to `conn_trace_id` and AWS's regular expression for the RegexSerDe, read by Hive's
 * rules for string literals (a backslash keeps the next character: `\"` is `"`, `\\s` is `\s`). No
 * STORED AS: Athena's default text formats.
 *
 * ALB, NLB and Classic load balancers, and ALB connection and health-check logs, all write into the
 * same `elasticloadbalancing/<region>/yyyy/mm/dd/` folders and differ only by file name; a partition
 * is a folder, so this table reads every file of the day. Lines of the other kinds do not match the
 * ALB expression; queries keep to ALB entries with `elb LIKE 'app/%'`.
 */

const REGEX_SERDE = 'org.apache.hadoop.hive.serde2.RegexSerDe';
const ALB_INPUT_REGEX = '([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) ([-.0-9]*) ([-.0-9]*) ([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) "([^ ]*) (.*) (- |[^ ]*)" "([^"]*)" ([A-Z0-9-_]+) ([A-Za-z0-9.-]*) ([^ ]*) "([^"]*)" "([^"]*)" "([^"]*)" ([-.0-9]*) ([^ ]*) "([^"]*)" "([^"]*)" "([^ ]*)" "([^\\s]+?)" "([^\\s]+)" "([^ ]*)" "([^ ]*)" ?([^ ]*)? ?( .*)?';
const ALB_ACCESS_LOGS_TABLE = {
    source: 'elasticloadbalancing',
    columns: [
        ['type', 'string'],
        ['time', 'string'],
        ['elb', 'string'],
        ['client_ip', 'string'],
        ['client_port', 'int'],
        ['target_ip', 'string'],
        ['target_port', 'int'],
        ['request_processing_time', 'double'],
        ['target_processing_time', 'double'],
        ['response_processing_time', 'double'],
        ['elb_status_code', 'int'],
        ['target_status_code', 'string'],
        ['received_bytes', 'bigint'],
        ['sent_bytes', 'bigint'],
        ['request_verb', 'string'],
        ['request_url', 'string'],
        ['request_proto', 'string'],
        ['user_agent', 'string'],
        ['ssl_cipher', 'string'],
        ['ssl_protocol', 'string'],
        ['target_group_arn', 'string'],
        ['trace_id', 'string'],
        ['domain_name', 'string'],
        ['chosen_cert_arn', 'string'],
        ['matched_rule_priority', 'string'],
        ['request_creation_time', 'string'],
        ['actions_executed', 'string'],
        ['redirect_url', 'string'],
        ['lambda_error_reason', 'string'],
        ['target_port_list', 'string'],
        ['target_status_code_list', 'string'],
        ['classification', 'string'],
        ['classification_reason', 'string'],
        ['conn_trace_id', 'string']
    ],
    serde: REGEX_SERDE,
    serdeParameters: { 'serialization.format': '1', 'input.regex': ALB_INPUT_REGEX },
    inputFormat: TEXT_INPUT_FORMAT,
    outputFormat: TEXT_OUTPUT_FORMAT,
    tableParameters: {},
    acceptedSerdes: [REGEX_SERDE],
    columnsByName: false,
    documentation: 'https://docs.aws.amazon.com/athena/latest/ug/create-alb-access-logs-table.html'
};

;// CONCATENATED MODULE: ./src/table/documented/vpcflowlogs.ts
/**
 * The VPC Flow Logs table AWS documents for logs of several accounts in one bucket: Amazon Athena
 * User Guide, "Create tables for flow logs in Apache Parquet format using partition projection" is
 * for Parquet; this is its text sibling, "Use partition projection for Amazon VPC flow logs"
 * (docs.aws.amazon.com/athena/latest/ug/vpc-flow-logs-partition-projection.html): space-delimited
 * text read by the LazySimpleSerDe (`ROW FORMAT DELIMITED FIELDS TERMINATED BY ' '`, which Athena
 * stores as `field.delim` and `serialization.format`), the header line skipped. That table is
 * partitioned by account and Region, so it has no `region` column (the user guide's single-account
 * table has one, which would clash with the partition key). Its projection properties are left out:
 * Glue partitions replace them.
 */

const LAZY_SIMPLE_SERDE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe';
const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
const VPC_FLOW_LOGS_TABLE = {
    source: 'vpcflowlogs',
    columns: [
        ['version', 'int'],
        ['account_id', 'string'],
        ['interface_id', 'string'],
        ['srcaddr', 'string'],
        ['dstaddr', 'string'],
        ['srcport', 'int'],
        ['dstport', 'int'],
        ['protocol', 'bigint'],
        ['packets', 'bigint'],
        ['bytes', 'bigint'],
        ['start', 'bigint'],
        ['end', 'bigint'],
        ['action', 'string'],
        ['log_status', 'string'],
        ['vpc_id', 'string'],
        ['subnet_id', 'string'],
        ['instance_id', 'string'],
        ['tcp_flags', 'int'],
        ['type', 'string'],
        ['pkt_srcaddr', 'string'],
        ['pkt_dstaddr', 'string'],
        ['az_id', 'string'],
        ['sublocation_type', 'string'],
        ['sublocation_id', 'string'],
        ['pkt_src_aws_service', 'string'],
        ['pkt_dst_aws_service', 'string'],
        ['flow_direction', 'string'],
        ['traffic_path', 'int']
    ],
    serde: LAZY_SIMPLE_SERDE,
    serdeParameters: { 'field.delim': ' ', 'serialization.format': ' ' },
    inputFormat: TEXT_INPUT_FORMAT,
    outputFormat: TEXT_OUTPUT_FORMAT,
    tableParameters: { 'skip.header.line.count': '1' },
    // Parquet flow logs (AWS's Parquet tables) are read by the Parquet SerDe.
    acceptedSerdes: [LAZY_SIMPLE_SERDE, PARQUET_SERDE],
    columnsByName: false,
    documentation: 'https://docs.aws.amazon.com/athena/latest/ug/vpc-flow-logs-partition-projection.html'
};

;// CONCATENATED MODULE: ./src/table/documented-tables.ts





const TABLES = {
    CloudTrail: CLOUDTRAIL_TABLE,
    'CloudTrail-Insight': CLOUDTRAIL_INSIGHT_TABLE,
    Config: CONFIG_TABLE,
    vpcflowlogs: VPC_FLOW_LOGS_TABLE,
    elasticloadbalancing: ALB_ACCESS_LOGS_TABLE
};
function documentedTable(source) {
    return TABLES[source];
}


/***/ }),

/***/ 797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pf: () => (/* binding */ fieldsOf),
/* harmony export */   Rb: () => (/* binding */ documentedStorageDescriptor),
/* harmony export */   zK: () => (/* binding */ partitionKeyColumns)
/* harmony export */ });
/* harmony import */ var _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8206);

/** The table's storage descriptor as documented: columns, SerDe and formats, at `location`. */
function documentedStorageDescriptor(table, location) {
    return {
        Columns: table.columns.map(([Name, Type]) => ({ Name, Type })),
        Location: location,
        InputFormat: table.inputFormat,
        OutputFormat: table.outputFormat,
        SerdeInfo: { SerializationLibrary: table.serde, Parameters: { ...table.serdeParameters } },
        Compressed: false,
        NumberOfBuckets: -1,
        StoredAsSubDirectories: false
    };
}
function partitionKeyColumns(dateKeyType) {
    return _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_0__/* .PARTITION_KEY_NAMES */ .WV.map((name, index) => ({ Name: name, Type: index < 2 ? 'string' : dateKeyType }));
}
/**
 * Parses `struct<a:string,b:struct<c:int>>` (and arrays or maps of structs) into a tree of field
 * names; null marks a leaf. Arrays and maps are looked through, as `resources[1].arn` reads them.
 */
function fieldsOf(type) {
    const text = type.replace(/\s+/g, '').toLowerCase();
    let position = 0;
    const parseType = () => {
        if (text.startsWith('struct<', position)) {
            position += 'struct<'.length;
            const fields = new Map();
            while (text[position] !== '>') {
                const colon = text.indexOf(':', position);
                const name = text.slice(position, colon);
                position = colon + 1;
                fields.set(name, parseType());
                if (text[position] === ',')
                    position += 1;
            }
            position += 1;
            return fields;
        }
        for (const wrapper of ['array<', 'map<']) {
            if (text.startsWith(wrapper, position)) {
                position += wrapper.length;
                let inner = parseType();
                if (wrapper === 'map<') {
                    position += 1; // the comma between key and value types
                    inner = parseType();
                }
                position += 1;
                return inner;
            }
        }
        const end = text.slice(position).search(/[,>]|$/);
        position += end;
        return null;
    };
    return parseType();
}


/***/ }),

/***/ 8668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UI: () => (/* binding */ findTable),
/* harmony export */   kZ: () => (/* binding */ addColumnsStatement),
/* harmony export */   zL: () => (/* binding */ validateTable)
/* harmony export */ });
/* unused harmony exports DEFAULT_DATE_FORMAT, missingColumns */
/* harmony import */ var _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6542);
/* harmony import */ var _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8941);
/* harmony import */ var _vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8206);
/* harmony import */ var _vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(504);
/**
 * Reads the table and checks, before any write, that the sync can keep it: partition keys
 * `account`, `region`, then `year`, `month`, `day` (all string or all integer) or one date key as
 * AWS's examples have it (type `date`, or `string` in the format of `projection.<key>.format`, else
 * `yyyy/MM/dd`); `account` and `region` may be absent from a one-account or one-Region table. No
 * partition projection, a SerDe that reads the source's files. The location and missing newer
 * columns are warnings: the table works, but a person should know.
 */




const INTEGER_TYPES = new Set(['int', 'integer', 'bigint', 'smallint', 'tinyint']);
/** AWS's string date keys without a projection format hold `yyyy/MM/dd` (all of AWS's examples). */
const DEFAULT_DATE_FORMAT = 'yyyy/MM/dd';
/** The table, or undefined when it (or its database) does not exist. */
async function findTable(glue, ref) {
    try {
        const response = await glue.send(new _aws_sdk_client_glue__WEBPACK_IMPORTED_MODULE_1__/* .GetTableCommand */ .QuZ({
            ...(0,_vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .catalogParam */ .Xp)(ref),
            DatabaseName: ref.database,
            Name: ref.table
        }));
        return response.Table;
    }
    catch (error) {
        if (error.name === 'EntityNotFoundException')
            return undefined;
        throw error;
    }
}
function validateTable(table, ref, documented, expectedLocation) {
    const name = (0,_vocabulary_table_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTable */ .uq)(ref);
    if (table.Parameters?.['projection.enabled']?.toLowerCase() === 'true') {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} uses partition projection (projection.enabled=true): Athena ignores Glue partitions for it, ` +
            `so this action has nothing to do. Use a table without projection, or keep projection and drop this action.`);
    }
    const keys = (table.PartitionKeys ?? []).map((key) => ({
        name: (key.Name ?? '').toLowerCase(),
        type: (key.Type ?? '').toLowerCase()
    }));
    const tableKeys = keysOf(keys, table.Parameters ?? {}, name);
    const dateKeyType = tableKeys.date.kind === 'parts' ? tableKeys.date.type : 'string';
    const descriptor = table.StorageDescriptor;
    if (!descriptor) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} has no storage descriptor; partitions copy it, so the table needs one.`);
    }
    const serde = descriptor.SerdeInfo?.SerializationLibrary ?? '';
    if (!documented.acceptedSerdes.includes(serde)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} uses the SerDe '${serde || 'none'}', which does not read ${documented.source}'s log files; ` +
            `partitions copy it. Use ${documented.acceptedSerdes.join(' or ')} (the table documented for ${documented.source} uses the first).`);
    }
    const warnings = [];
    const allKeys = tableKeys.hasAccount && tableKeys.hasRegion;
    if (allKeys &&
        expectedLocation &&
        descriptor.Location &&
        !sameLocation(descriptor.Location, expectedLocation)) {
        warnings.push(`${name} has LOCATION ${descriptor.Location}; the logs' root for this layout is ${expectedLocation}. ` +
            `Partitions carry their own locations, so queries work, but check that this is the table you meant.`);
    }
    return {
        dateKeyType,
        keys: tableKeys,
        storageDescriptor: descriptor,
        missingColumns: documented.columnsByName
            ? missingColumns(descriptor.Columns ?? [], documented.columns)
            : [],
        warnings
    };
}
function missingColumns(columns, documented) {
    const present = new Set(columns.map((column) => (column.Name ?? '').toLowerCase()));
    return documented.filter(([name]) => !present.has(name));
}
/** The one Athena statement that adds the missing columns. */
function addColumnsStatement(ref, columns) {
    const list = columns.map(([name, type]) => `${name} ${type}`).join(', ');
    // Backquotes: Athena's DDL needs them for names such as cloudtrail-logs.
    return `ALTER TABLE \`${ref.database}\`.\`${ref.table}\` ADD COLUMNS (${list})`;
}
function sameLocation(a, b) {
    return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
/**
 * The key scheme of the table's partition keys: an optional string `account`, an optional string
 * `region`, then `year`, `month`, `day` or one date key. Anything else is refused with the forms
 * the action reads.
 */
function keysOf(keys, parameters, name) {
    const actual = keys.map((key) => `${key.name} ${key.type}`).join(', ') || 'none';
    const refuse = (why) => {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name} has partition keys (${actual})${why}. This action writes (account, region, year, month, day) ` +
            `(those of AWS's CloudTrail table for organization trails), and reads tables whose date is one key of ` +
            `type date or a string such as yyyy/MM/dd (AWS's examples), account and region optional. ` +
            `Create the table with such keys, or let the action create a new one (create-table: true with another table name).`);
    };
    let rest = [...keys];
    const hasAccount = rest[0]?.name === 'account';
    if (hasAccount)
        rest = rest.slice(1);
    const hasRegion = rest[0]?.name === 'region';
    if (hasRegion)
        rest = rest.slice(1);
    if (keys.some((key) => (key.name === 'account' || key.name === 'region') && key.type !== 'string')) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: partition keys account and region must be string (found ${actual}).`);
    }
    const names = rest.map((key) => key.name).join(',');
    if (names === 'year,month,day') {
        const type = dateKeyTypeOf(rest.map((key) => key.type));
        if (!type) {
            throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: partition keys year, month, day must all be string or all int (found ${actual}).`);
        }
        return { date: { kind: 'parts', type }, hasAccount, hasRegion };
    }
    const [only, ...more] = rest;
    // (region, account): the key left is account, which holds accounts, never the date.
    if (!only || more.length > 0 || only.name === 'account' || only.name === 'region')
        return refuse('');
    if (only.type === 'date')
        return { date: { kind: 'date', name: only.name }, hasAccount, hasRegion };
    if (only.type !== 'string')
        return refuse(`; a one-key date must be of type date or string`);
    const property = `projection.${only.name}.format`;
    const format = parameters[property] ?? DEFAULT_DATE_FORMAT;
    if (!_vocabulary_keys_js__WEBPACK_IMPORTED_MODULE_3__/* .DAY_FORMAT */ .nl.test(format)) {
        throw new _vocabulary_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${name}: the table property ${property} is '${format}', which is not a format of one day ` +
            `(yyyy, MM or M, dd or d, and separators; a partition per hour is not what this action writes).`);
    }
    return { date: { kind: 'formatted', name: only.name, format }, hasAccount, hasRegion };
}
function dateKeyTypeOf(types) {
    if (types.every((type) => type === 'string'))
        return 'string';
    if (types.every((type) => INTEGER_TYPES.has(type)))
        return 'int';
    return undefined;
}


/***/ }),

/***/ 3631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ forEachConcurrent),
/* harmony export */   _: () => (/* binding */ mapConcurrent)
/* harmony export */ });
/**
 * Runs `worker` over the items of a (possibly async, possibly endless-looking) iterable with at most
 * `concurrency` in flight. Items are pulled only when a slot is free, so a generator upstream is
 * never drained ahead of the work: memory stays flat however many items there are.
 */
async function forEachConcurrent(items, concurrency, worker) {
    const iterator = Symbol.asyncIterator in items
        ? items[Symbol.asyncIterator]()
        : items[Symbol.iterator]();
    let failure;
    const lane = async () => {
        while (!failure) {
            const next = await iterator.next();
            if (next.done)
                return;
            try {
                await worker(next.value);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
    if (failure)
        throw failure.error;
}
/** Maps with bounded concurrency, keeping the input order in the result. */
async function mapConcurrent(items, concurrency, worker) {
    const results = new Array(items.length);
    await forEachConcurrent(items.keys(), concurrency, async (index) => {
        results[index] = await worker(items[index]);
    });
    return results;
}


/***/ }),

/***/ 504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pn: () => (/* binding */ tableParams),
/* harmony export */   Xp: () => (/* binding */ catalogParam),
/* harmony export */   oN: () => (/* binding */ splitQualifiedTable),
/* harmony export */   uq: () => (/* binding */ describeTable)
/* harmony export */ });
function describeTable(ref) {
    return `${ref.catalogId ? `${ref.catalogId}:` : ''}${ref.database}.${ref.table}`;
}
/** The Glue request fields that name the table. */
/** `CatalogId` only when one is set: Glue takes the caller's account otherwise. */
function catalogParam(ref) {
    return ref.catalogId ? { CatalogId: ref.catalogId } : {};
}
function tableParams(ref) {
    return {
        ...catalogParam(ref),
        DatabaseName: ref.database,
        TableName: ref.table
    };
}
/**
 * Reads a table input that may be qualified: `cloudtrail`, `security.cloudtrail` or
 * `awsdatacatalog.security.cloudtrail` (the catalog is dropped).
 */
function splitQualifiedTable(name) {
    const parts = name.split('.');
    const table = parts.at(-1) ?? name;
    return parts.length > 1 ? { database: parts.at(-2), table } : { table };
}


/***/ })

};
