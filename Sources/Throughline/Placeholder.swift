public enum ThroughlinePlaceholder {}
