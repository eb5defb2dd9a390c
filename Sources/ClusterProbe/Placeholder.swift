enum _PlaceholderClusterProbe {}
