"""The commands both front ends run, without Qt."""
