id        = "aws-ecs-fargate-latest-platform"
title     = "Fargate services run on the latest platform version"
severity  = "low"
provider  = "aws"
resources = ["aws_ecs_service"]
fix       = "unsafe"
message   = "Fargate service is pinned to an older platform version and misses its security fixes"
checkov   = ["CKV_AWS_332"]
trivy     = []
tfsec     = []
cis       = []

when {
  path   = "launch_type"
  expect = "FARGATE"
}

# Absent means LATEST.
require {
  path    = "platform_version"
  expect  = "LATEST"
  missing = "pass"
}
