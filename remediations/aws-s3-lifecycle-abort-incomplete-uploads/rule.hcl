id        = "aws-s3-lifecycle-abort-incomplete-uploads"
title     = "S3 lifecycle configurations abort incomplete multipart uploads"
severity  = "low"
provider  = "aws"
resources = ["aws_s3_bucket_lifecycle_configuration"]
fix       = "safe"
message   = "S3 lifecycle configuration never aborts incomplete multipart uploads, whose parts are billed forever"
checkov   = ["CKV_AWS_300"]
trivy     = []
tfsec     = []
cis       = []

# Written in Rust (crates/rules/src/checks/incomplete_uploads_kept.rs): one of
# several `rule` blocks must qualify, and the fix adds a whole `rule` block.
