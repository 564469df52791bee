id        = "aws-rds-iam-authentication"
title     = "RDS databases accept IAM authentication"
severity  = "medium"
provider  = "aws"
resources = ["aws_db_instance", "aws_rds_cluster"]
fix       = "safe"
message   = "RDS database accepts only password logins: IAM database authentication is off"
checkov   = ["CKV_AWS_161", "CKV_AWS_162"]
trivy     = ["AVD-AWS-0176"]
tfsec     = ["aws-rds-enable-iam-auth"]
cis       = []

# IAM authentication exists for the MySQL, MariaDB and PostgreSQL families
# only: Oracle, SQL Server and Db2 reject the setting. An Aurora cluster
# without `engine` is Aurora MySQL.
when {
  path    = "engine"
  accept  = ["mysql", "mariadb", "postgres", "aurora", "aurora-mysql", "aurora-postgresql"]
  missing = "pass"
}

require {
  path   = "iam_database_authentication_enabled"
  expect = true
}
