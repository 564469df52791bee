id        = "aws-s3-bucket-access-logging"
title     = "S3 buckets log server access"
severity  = "medium"
provider  = "aws"
resources = ["aws_s3_bucket"]
fix       = "safe"
message   = "S3 bucket does not log server access, so reads and writes of its objects cannot be investigated"
checkov   = ["CKV_AWS_18"]
trivy     = ["AVD-AWS-0089"]
tfsec     = ["aws-s3-enable-bucket-logging"]
cis       = []

# Written in Rust (crates/rules/src/checks/bucket_access_unlogged.rs): the fix
# is applied only when the module already has a log bucket, and is otherwise a
# display-only suggestion.
