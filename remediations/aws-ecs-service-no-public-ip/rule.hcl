id        = "aws-ecs-service-no-public-ip"
title     = "ECS services do not give tasks public IP addresses"
severity  = "medium"
provider  = "aws"
resources = ["aws_ecs_service"]
fix       = "unsafe"
message   = "ECS service gives its tasks public IP addresses"
checkov   = ["CKV_AWS_333"]
trivy     = []
tfsec     = []
cis       = []

# Absent means false, the AWS default.
require {
  path    = "network_configuration.assign_public_ip"
  reject  = [true]
  missing = "pass"
  fix     = false
}
