id        = "aws-s3-no-public-acl"
title     = "S3 buckets do not grant access through public canned ACLs"
severity  = "critical"
provider  = "aws"
resources = ["aws_s3_bucket", "aws_s3_bucket_acl"]
fix       = "unsafe"
message   = "S3 bucket ACL lets anyone, or any AWS account, read or write the bucket"
checkov   = ["CKV_AWS_20"]
trivy     = ["AVD-AWS-0092"]
tfsec     = ["aws-s3-no-public-access-with-acl"]
cis       = []

# The inline `acl` of AWS provider 3 and the `aws_s3_bucket_acl` resource of
# provider 4 and later take the same canned ACL names. Absent means private.
require {
  path    = "acl"
  reject  = ["public-read", "public-read-write", "authenticated-read"]
  missing = "pass"
  fix     = "private"
}
