id        = "aws-rds-log-exports"
title     = "RDS databases export their logs to CloudWatch"
severity  = "medium"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster"]
fix       = "safe"
message   = "RDS database does not export its logs to CloudWatch Logs"
checkov   = ["CKV_AWS_129", "CKV_AWS_324", "CKV_AWS_325"]
trivy     = []
tfsec     = []
cis       = []

# Written in Rust (crates/rules/src/checks/rds_logs_not_exported.rs): the log
# types to export depend on the engine.
