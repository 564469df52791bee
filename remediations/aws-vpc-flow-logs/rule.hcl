id        = "aws-vpc-flow-logs"
title     = "VPCs record flow logs"
severity  = "medium"
provider  = "aws"
resources = ["aws_vpc"]
fix       = "display-only"
message   = "VPC records no flow logs, so its network traffic cannot be investigated"
checkov   = ["CKV2_AWS_11"]
trivy     = ["AVD-AWS-0178"]
tfsec     = ["aws-ec2-require-vpc-flow-logs-for-all-vpcs"]
cis       = ["CIS AWS 3.9"]

# Where the logs go is the user's choice: the companion shows the shape with a
# placeholder destination.
companion {
  type      = "aws_flow_log"
  reference = "vpc_id"
  body      = <<-EOT
    traffic_type         = "ALL"
    log_destination_type = "s3"
    log_destination      = "TODO: the ARN of the S3 bucket (or folder) that receives the logs"
  EOT
}
