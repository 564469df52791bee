id        = "aws-ecs-task-efs-transit-encryption"
title     = "ECS tasks mount EFS volumes over TLS"
severity  = "medium"
provider  = "aws"
resources = ["aws_ecs_task_definition"]
fix       = "unsafe"
message   = "ECS task definition mounts an EFS volume without encryption in transit"
checkov   = ["CKV_AWS_97"]
trivy     = ["AVD-AWS-0035"]
tfsec     = ["aws-ecs-enable-in-transit-encryption"]
cis       = []

# Only EFS volumes that exist; a task without one is fine.
require {
  path          = "volume.efs_volume_configuration.transit_encryption"
  expect        = "ENABLED"
  missing_block = "pass"
}
