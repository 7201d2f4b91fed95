public enum GraphvizPlaceholder {}
