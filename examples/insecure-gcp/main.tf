resource "google_storage_bucket" "artifacts" {
  name     = "heal-example-artifacts"
  location = "EU"
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_container_cluster" "primary" {
  name               = "heal-example"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = true
}
