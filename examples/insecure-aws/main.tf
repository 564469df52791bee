terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

# Application data. Nobody remembered versioning.
resource "aws_s3_bucket" "data" {
  bucket = "heal-example-data"
}

resource "aws_kms_key" "data" {
  description             = "Encrypts the data bucket"
  deletion_window_in_days = 10
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH to the bastion"

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
