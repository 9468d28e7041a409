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
import { TEXT_INPUT_FORMAT, TEXT_OUTPUT_FORMAT, type DocumentedTable } from './types.js'

export const REGEX_SERDE = 'org.apache.hadoop.hive.serde2.RegexSerDe'

export const ALB_INPUT_REGEX =
  '([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) ([-.0-9]*) ([-.0-9]*) ([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) "([^ ]*) (.*) (- |[^ ]*)" "([^"]*)" ([A-Z0-9-_]+) ([A-Za-z0-9.-]*) ([^ ]*) "([^"]*)" "([^"]*)" "([^"]*)" ([-.0-9]*) ([^ ]*) "([^"]*)" "([^"]*)" "([^ ]*)" "([^\\s]+?)" "([^\\s]+)" "([^ ]*)" "([^ ]*)" ?([^ ]*)? ?( .*)?'

export const ALB_ACCESS_LOGS_TABLE: DocumentedTable = {
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
}
