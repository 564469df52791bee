id        = "aws-ecs-container-insights"
title     = "ECS clusters collect Container Insights"
severity  = "low"
provider  = "aws"
resources = ["aws_ecs_cluster"]
fix       = "safe"
message   = "ECS cluster does not collect CloudWatch Container Insights metrics and events"
checkov   = ["CKV_AWS_65"]
trivy     = ["AVD-AWS-0034"]
tfsec     = ["aws-ecs-enable-container-insight"]
cis       = []

# Written in Rust (crates/rules/src/checks/container_insights_off.rs): the
# setting is the `setting` block whose `name` is "containerInsights".
