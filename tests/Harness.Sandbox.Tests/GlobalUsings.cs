global using System.Net;
global using System.Text.Json.Nodes;
global using Harness.Sandbox.Tests.Support;
global using Harness.ApiFacts;
