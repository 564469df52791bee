id        = "aws-s3-ownership-enforced"
title     = "S3 buckets disable access control lists"
severity  = "medium"
provider  = "aws"
resources = ["aws_s3_bucket_ownership_controls"]
fix       = "unsafe"
message   = "S3 bucket ownership controls keep ACLs working, so objects can be shared outside the bucket policy"
checkov   = ["CKV2_AWS_65"]
trivy     = []
tfsec     = []
cis       = []

require {
  path   = "rule.object_ownership"
  expect = "BucketOwnerEnforced"
}
