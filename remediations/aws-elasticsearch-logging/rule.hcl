id        = "aws-elasticsearch-logging"
title     = "OpenSearch domains publish logs to CloudWatch"
severity  = "medium"
provider  = "aws"
resources = ["aws_elasticsearch_domain", "aws_opensearch_domain"]
fix       = "display-only"
message   = "OpenSearch/Elasticsearch domain publishes no logs to CloudWatch"
checkov   = ["CKV_AWS_84"]
trivy     = ["AVD-AWS-0042"]
tfsec     = ["aws-elastic-search-enable-domain-logging"]
cis       = []

# The log group is the user's choice: the fix shows where it goes.
require {
  path   = "log_publishing_options.cloudwatch_log_group_arn"
  reject = [""]
  fix    = "TODO: the ARN of a CloudWatch Logs group that OpenSearch may write to"
}

# Written with the block; any log type already there is kept.
require {
  path          = "log_publishing_options.log_type"
  missing       = "pass"
  missing_block = "fail"
  fix           = "ES_APPLICATION_LOGS"
}

# Absent means true.
require {
  path    = "log_publishing_options.enabled"
  expect  = true
  missing = "pass"
}
