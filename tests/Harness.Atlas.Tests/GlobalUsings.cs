global using System.Net;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Harness.Atlas.Webhooks;
global using Harness.Client.Atlas;
global using Harness.Sandbox.Atlas;
global using Harness.TestData.Atlas;
