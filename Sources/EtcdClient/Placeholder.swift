enum _PlaceholderEtcdClient {}
