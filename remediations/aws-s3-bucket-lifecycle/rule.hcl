id        = "aws-s3-bucket-lifecycle"
title     = "S3 buckets have a lifecycle configuration"
severity  = "low"
provider  = "aws"
resources = ["aws_s3_bucket"]
fix       = "safe"
message   = "S3 bucket has no lifecycle configuration, so incomplete uploads and old data are kept and billed forever"
checkov   = ["CKV2_AWS_61"]
trivy     = []
tfsec     = []
cis       = []

# AWS provider before 4.0: an inline rule. Any inline lifecycle_rule already
# there satisfies the check; these only describe the one the fix writes.
require {
  path          = "lifecycle_rule.id"
  missing       = "pass"
  missing_block = "fail"
  fix           = "abort-incomplete-multipart-uploads"
}

require {
  path          = "lifecycle_rule.enabled"
  accept        = [true, false]
  missing       = "pass"
  missing_block = "fail"
  fix           = true
}

require {
  path          = "lifecycle_rule.abort_incomplete_multipart_upload_days"
  at_least      = 0
  missing       = "pass"
  missing_block = "fail"
  fix           = 7
}

# AWS provider 4.0 and later: a separate resource, whose one rule only
# removes uploads that never completed.
companion {
  type         = "aws_s3_bucket_lifecycle_configuration"
  reference    = "bucket"
  inline_below = "4.0"
  body         = <<-EOT
    rule {
      id     = "abort-incomplete-multipart-uploads"
      status = "Enabled"

      filter {}

      abort_incomplete_multipart_upload {
        days_after_initiation = 7
      }
    }
  EOT
}
