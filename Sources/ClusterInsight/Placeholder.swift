enum _PlaceholderClusterInsight {}
